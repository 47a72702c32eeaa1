import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { Logger } from '../logger';
import { databaseHandle, type OpenDatabase } from './databaseHandle';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';
import { StripNulPlugin } from './stripNulPlugin';
import { databaseTelemetry } from '../telemetry/databaseTelemetry';

export interface PostgresOptions {
    /** Most connections this process opens. */
    poolMax: number;
    /** Statement timeout, lock wait and connect timeout, in ms: a dead or locked database fails the turn instead of hanging it. */
    timeoutMs: number;
    logger?: Logger;
}

/**
 * Opens PostgreSQL through a bounded pg Pool and runs the migrations (Kysely's migrator
 * takes an advisory lock, so instances starting together migrate once).
 */
export async function openPostgresDatabase(url: string, options: PostgresOptions): Promise<OpenDatabase> {
    const pool = new Pool({
        connectionString: url,
        max: options.poolMax,
        connectionTimeoutMillis: options.timeoutMs,
        idleTimeoutMillis: 30_000,
        statement_timeout: options.timeoutMs,
        lock_timeout: options.timeoutMs,
        // The server-side timeout cannot fire when the server is unreachable; this one can.
        query_timeout: options.timeoutMs + 1000,
        application_name: 'csp-support-bot',
    });
    surviveLostConnections(pool, options.logger);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new StripNulPlugin()], log: databaseTelemetry('postgresql') });
    try {
        await migrate(url, options);
    } catch (err) {
        await db.destroy();
        throw err;
    }
    return databaseHandle(db, 'postgres', { name: 'PostgreSQL', timeoutMs: options.timeoutMs, logger: options.logger });
}

/**
 * A lost connection (failover, server restart, network cut) must fail the query that used it,
 * never the process. pg emits 'error' on the client; pg-pool listens only while the client is
 * idle and removes its listener while the client is checked out, so a client that dies during
 * a turn would throw an unhandled 'error' event. Every client therefore gets a listener of its
 * own for its whole life; its pending query still rejects, and the pool discards the client.
 */
function surviveLostConnections(pool: Pool, logger: Logger | undefined): void {
    const lost = (err: Error): void => logger?.warn({ err: { name: err.name, message: err.message } }, 'PostgreSQL connection lost');
    pool.on('connect', (client) => client.on('error', lost));
    // The pool re-emits an idle client's error, which the client's own listener has logged already.
    pool.on('error', () => undefined);
}

/** Migrations on a connection of their own, without the statement timeout (an index on a big table takes longer than a turn may). */
async function migrate(url: string, options: PostgresOptions): Promise<void> {
    const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: options.timeoutMs, application_name: 'csp-support-bot migrations' });
    surviveLostConnections(pool, options.logger);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
        await migrateToLatest(db, 'postgres');
    } finally {
        await db.destroy();
    }
}
