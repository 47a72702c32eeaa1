import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { scrubbed, type Logger } from './logger';
import { RateLimiter } from './channels/rateLimiter';
import { readBody } from './http/bodyReader';
import { clientKey } from './http/clientAddress';
import { applyConnectionLimits, type ConnectionLimits } from './http/connectionLimits';
import { refuseEncodedBodies } from './http/contentEncoding';
import { sendRefusal } from './http/refusal';
import { restifyLogger } from './http/restifyLogger';
import { registerMessagesRoute, type MessagesRouteOptions } from './http/messagesRoute';
import { registerProbes } from './http/probes';
import { TurnGate } from './http/turnGate';
import { nameRequestSpan, rememberRequestSpan } from './telemetry/requestTelemetry';

/**
 * Connections the kernel may hold for the server while its event loop is busy. Node's default
 * (511) overflows when many channel connections arrive during a burst of turns; the overflowed
 * ones then wait for TCP retransmits (1, 3, 7, 15 s...). Linux caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;

/** Request limits; see CONVERSATION_RATE_LIMIT_PER_MINUTE and the others in .env.example. */
export interface ServerLimits extends ConnectionLimits {
    conversationTurnsPerMinute: number;
    clientRequestsPerMinute: number;
    trustedProxyHops: number;
    maxConcurrentTurns: number;
    maxQueuedTurns: number;
}

const DEFAULT_LIMITS: ServerLimits = {
    conversationTurnsPerMinute: 60,
    clientRequestsPerMinute: 600,
    trustedProxyHops: 0,
    maxConcurrentTurns: 64,
    maxQueuedTurns: 1000,
    maxConnections: 1024,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: 65_000,
};

/** Paths the per-client limit does not cover: the channel's endpoint (limited per conversation) and probes. */
const NOT_PER_CLIENT = new Set(['/api/messages', '/healthz', '/readyz']);

export interface ServerDependencies {
    adapter: CloudAdapter;
    /** The activity handler (the SupportBot; the benchmark's echo bot runs on the same server). */
    bot: { run(context: TurnContext): Promise<void> };
    logger: Logger;
    maxBodyBytes: number;
    limits?: Partial<ServerLimits>;
    /** Path prefixes the server calls on itself (the built-in Direct Line's connector), not limited per client. */
    internalPathPrefixes?: string[];
    /** Recognises the built-in Direct Line's own activities on /api/messages (see LocalChannelAuthentication). */
    localChannel?: MessagesRouteOptions['localChannel'];
    /** True when the database answers. */
    databaseUp: () => Promise<boolean>;
    /** Why a database that answers cannot take turns (it cannot write, ...); undefined when it can. */
    databaseFault?: () => Promise<{ reason: string } | undefined>;
    /** Outbox messages per delivery status, shown in /healthz/details (dead ones need an agent). */
    outboxCounts?: () => Promise<object>;
    /** Bearer token for /healthz/details; without it that endpoint does not exist. */
    healthDetailsToken?: string;
    /** Route paths that read their own body (file uploads), with their own limit: the global reader leaves them alone. */
    ownBodyRoutes?: string[];
    /** Further routes (channels: Web Chat page, Direct Line). */
    routes?: Array<(server: Server) => void>;
}

export interface BotServer {
    server: Server;
    /** Stops accepting requests and resolves when in-flight turns have finished (or the timeout). */
    drain(timeoutMs: number): Promise<void>;
}

/** One JSON line per request, for Application Insights / Log Analytics: route template, never the URL (ids). */
function accessLog(logger: Logger, req: Request, res: Response, started: number): void {
    const status = res.statusCode;
    const entry = { http: { method: req.method, route: req.getRoute()?.path ?? 'unmatched', status, ms: Math.round(performance.now() - started) } };
    if (status >= 500) logger.warn(entry, 'request');
    else if (status >= 400 || entry.http.route === '/api/messages') logger.info(entry, 'request');
    else logger.debug(entry, 'request');
}

/** The database as the probes report it: up, or down, with a reason when it answers but cannot take turns. */
/** Builds the restify server (routes, limits, error handling) without listening. */
export function createServer(deps: ServerDependencies): BotServer {
    const limits = { ...DEFAULT_LIMITS, ...deps.limits };
    const server = restify.createServer({ name: 'csp-support-bot', handleUncaughtExceptions: false, log: restifyLogger(deps.logger) as unknown as restify.ServerOptions['log'] });
    applyConnectionLimits(server.server, limits);
    const perClient = new RateLimiter(limits.clientRequestsPerMinute, 60_000);
    const internal = deps.internalPathPrefixes ?? [];
    let inFlight = 0;
    let draining = false;

    server.pre((req: Request, res: Response, next: restify.Next) => {
        const started = performance.now();
        rememberRequestSpan(req);
        res.once('finish', () => accessLog(deps.logger, req, res, started));
        res.header('X-Content-Type-Options', 'nosniff');
        if (draining) {
            res.header('Connection', 'close');
            sendRefusal(req, res, { status: 503, message: 'shutting down' });
            return next(false);
        }
        const path = req.path();
        const limited = !NOT_PER_CLIENT.has(path) && !internal.some((prefix) => path.startsWith(prefix));
        if (limited && !perClient.allow(clientKey(req, limits.trustedProxyHops))) {
            res.header('Retry-After', '60');
            sendRefusal(req, res, { status: 429, message: 'too many requests; please try again in a minute' });
            return next(false);
        }
        return next();
    });
    server.pre(refuseEncodedBodies(deps.maxBodyBytes));
    server.use((req: Request, _res: Response, next: restify.Next) => {
        nameRequestSpan(req, req.method ?? '', req.getRoute()?.path?.toString());
        next();
    });
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(readBody(deps.maxBodyBytes, new Set(deps.ownBodyRoutes)));

    registerMessagesRoute(server, {
        adapter: deps.adapter,
        bot: deps.bot,
        logger: deps.logger,
        gate: new TurnGate(limits.maxConcurrentTurns, limits.maxQueuedTurns),
        conversationTurnsPerMinute: limits.conversationTurnsPerMinute,
        localChannel: deps.localChannel,
        track: (delta) => void (inFlight += delta),
    });

    registerProbes(server, { databaseUp: deps.databaseUp, databaseFault: deps.databaseFault, outboxCounts: deps.outboxCounts, detailsToken: deps.healthDetailsToken });

    for (const register of deps.routes ?? []) register(server);

    // The one place restify's errors (thrown, rejected, next(err), 404/405) become answers: 5xx
    // say only that something failed; 4xx messages are restify's or ours and safe to show.
    server.on('restifyError', (req: Request, res: Response, err: unknown, callback: () => void) => {
        const failure: Error & { statusCode?: unknown } = err instanceof Error ? err : new Error(String(err));
        const status = typeof failure.statusCode === 'number' && failure.statusCode >= 400 ? failure.statusCode : 500;
        if (status >= 500) deps.logger.error({ err: { name: failure.name, message: scrubbed(failure.message) }, path: req.getRoute()?.path ?? 'unmatched' }, 'request failed');
        sendRefusal(req, res, { status, message: status >= 500 ? 'internal error' : failure.message });
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
