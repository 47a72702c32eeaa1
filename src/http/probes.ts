import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';

export interface ProbeOptions {
    /** True when the database answers. */
    databaseUp: () => Promise<boolean>;
    /** Why a database that answers cannot take turns (it cannot write, ...); undefined when it can. */
    databaseFault?: () => Promise<{ reason: string } | undefined>;
    /** Outbox messages per delivery status (dead ones need an agent); only on /healthz/details. */
    outboxCounts?: () => Promise<object>;
    /** Bearer token for /healthz/details (HEALTH_DETAILS_TOKEN); without it that endpoint does not exist. */
    detailsToken?: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** True when `authorization` is `Bearer <token>`, compared in constant time. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
    const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /healthz (liveness: the process serves HTTP; the database is reported, but an outage is
 * no reason to restart), GET /readyz (readiness: the database answers and can write), and, with a token
 * configured, GET /healthz/details with the outbox counts. The counts follow ticket volume,
 * which is the partner's business, so they are not public.
 */
export function registerProbes(server: Server, options: ProbeOptions): void {
    const databaseState = async (): Promise<{ database: 'up' | 'down'; reason?: string }> => {
        if (!(await options.databaseUp())) return { database: 'down' };
        const fault = await options.databaseFault?.();
        return fault ? { database: 'down', reason: fault.reason } : { database: 'up' };
    };
    const liveness = async (): Promise<{ status: string; database: 'up' | 'down'; reason?: string }> => {
        const state = await databaseState();
        return { status: state.database === 'up' ? 'ok' : 'degraded', ...state };
    };
    server.get('/healthz', async (_req: Request, res: Response) => {
        res.send(200, await liveness());
    });
    // Readiness: send turns here only when the database answers and can write (and not while draining: see server.pre).
    server.get('/readyz', async (_req: Request, res: Response) => {
        const state = await databaseState();
        const up = state.database === 'up';
        res.send(up ? 200 : 503, { status: up ? 'ready' : 'not ready', ...state });
    });
    const token = options.detailsToken;
    if (!token) return;
    server.get('/healthz/details', async (req: Request, res: Response) => {
        res.header('Cache-Control', 'no-store');
        if (!bearerMatches(req.header('authorization'), token)) {
            res.header('WWW-Authenticate', 'Bearer');
            return void res.send(401, { error: 'a valid bearer token is required' });
        }
        const live = await liveness();
        const outbox = live.database === 'up' ? await options.outboxCounts?.().catch(() => undefined) : undefined;
        res.send(200, { ...live, ...(outbox ? { outbox } : {}) });
    });
}
