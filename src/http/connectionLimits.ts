import type { Server } from 'node:http';

/** Connection-level limits of the HTTP server; see MAX_CONNECTIONS and REQUEST_TIMEOUT_MS in .env.example. */
export interface ConnectionLimits {
    maxConnections: number;
    /** Longest a client may take to send a whole request (headers and body). */
    requestTimeoutMs: number;
    /** How long an idle kept-alive connection stays open. */
    keepAliveTimeoutMs: number;
}

/** Headers must arrive within this (or the request timeout, when shorter). */
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * Caps connections and how long a slow client may hold one. Node's defaults let a client
 * trickle a body for 300 s on any number of connections. Node checks the timeouts on an
 * interval (30 s by default, which would let a 1 s timeout run for 31 s), so the interval
 * follows the timeout; it must be set before the server listens.
 */
export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
    server.maxConnections = limits.maxConnections;
    server.requestTimeout = limits.requestTimeoutMs;
    server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, limits.requestTimeoutMs);
    server.keepAliveTimeout = limits.keepAliveTimeoutMs;
    // A constructor option in @types/node, but a plain property that listen() reads.
    (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(1000, Math.ceil(limits.requestTimeoutMs / 4));
}
