import type { Request } from 'restify';
import type { Logger } from '../logger';

/**
 * The logger restify itself writes to (formatter errors, discarded handler results). Without
 * one, restify logs WARN lines with its own pino instance on stdout, serialising the whole
 * request: the Authorization header (Direct Line tokens) and URLs with conversation ids. Here
 * a request is only its method and route template, an error only its name (messages may
 * quote URLs),
 * and restify's trace lines (whole response bodies, tokens included) are never written.
 */
export function restifyLogger(logger: Logger): Logger {
    return logger.child(
        { component: 'restify' },
        {
            level: 'warn',
            serializers: {
                req: (req: Request) => ({ method: req.method, route: req.getRoute?.()?.path ?? 'unmatched' }),
                res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
                err: (err: Error) => ({ name: err.name }),
                value: () => '[discarded]',
            },
        },
    );
}
