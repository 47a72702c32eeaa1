import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { parseActivityBody } from './http/activityBody';
import { ServerBusyError, TurnGate } from './http/turnGate';
import type { Logger } from './logger';

/**
 * Connections the kernel may hold for the server while its event loop is busy. Node's default
 * (511) overflows when many channel connections arrive during a burst of turns; the overflowed
 * ones then wait for TCP retransmits (1, 3, 7, 15 s...). Linux caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;

export interface ServerDependencies {
    adapter: CloudAdapter;
    /** The activity handler (the SupportBot; the benchmark's echo bot runs on the same server). */
    bot: { run(context: TurnContext): Promise<void> };
    logger: Logger;
    maxBodyBytes: number;
    /** Turns run at once, and waiting beyond that (more get 503); default 64 and 1000. */
    maxConcurrentTurns?: number;
    maxQueuedTurns?: number;
    /** True when the database answers. */
    databaseUp: () => Promise<boolean>;
    /** Further routes (channels: Web Chat page, Direct Line). */
    routes?: Array<(server: Server) => void>;
}

export interface BotServer {
    server: Server;
    /** Stops accepting requests and resolves when in-flight turns have finished (or the timeout). */
    drain(timeoutMs: number): Promise<void>;
}

/** Builds the restify server (routes, limits, error handling) without listening. */
export function createServer(deps: ServerDependencies): BotServer {
    const server = restify.createServer({ name: 'csp-support-bot', handleUncaughtExceptions: false });
    let inFlight = 0;
    let draining = false;
    const gate = new TurnGate(deps.maxConcurrentTurns ?? 64, deps.maxQueuedTurns ?? 1000);

    server.pre((req: Request, res: Response, next: restify.Next) => {
        if (draining) {
            res.header('Connection', 'close');
            res.send(503, { error: 'shutting down' });
            return next(false);
        }
        return next();
    });
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.bodyReader({ maxBodySize: deps.maxBodyBytes }));

    server.post('/api/messages', async (req: Request, res: Response) => {
        const parsed = parseActivityBody(req.body);
        if (!parsed.ok) {
            res.send(400, { error: parsed.reason });
            return;
        }
        req.body = parsed.activity;
        inFlight++;
        try {
            await gate.run(() => deps.adapter.process(req, res, (context) => deps.bot.run(context)));
        } catch (err) {
            if (err instanceof ServerBusyError) {
                res.header('Retry-After', '1');
                res.send(503, { error: 'busy: please retry in a moment' });
                return;
            }
            deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'activity processing failed');
            if (!res.headersSent) res.send(500, { error: 'internal error' });
        } finally {
            inFlight--;
        }
    });

    server.get('/healthz', async (_req: Request, res: Response) => {
        const database = (await deps.databaseUp()) ? 'up' : 'down';
        res.send(database === 'up' ? 200 : 503, { status: database === 'up' ? 'ok' : 'degraded', database });
    });

    for (const register of deps.routes ?? []) register(server);

    server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
        const status = err.statusCode ?? 500;
        if (status >= 500) deps.logger.error({ err: { name: err.name, message: err.message }, path: req.path() }, 'request failed');
        // Never show 5xx details to the caller; 4xx messages are ours and safe to show.
        (err as Error & { toJSON?: () => object }).toJSON = () => ({ error: status >= 500 ? 'internal error' : err.message });
        return callback();
    });

    return {
        server,
        async drain(timeoutMs: number): Promise<void> {
            draining = true;
            const deadline = Date.now() + timeoutMs;
            while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            server.server.closeIdleConnections();
            await closed;
        },
    };
}
