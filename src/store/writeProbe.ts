import { sql, type Kysely } from 'kysely';
import { writeSetting } from './botSettings';
import type { SqlDialectName } from './migrations';
import type { Database } from './schema';

/** The bot_settings row the probe rewrites. */
const PROBE_KEY = 'readiness-probe';
/** Longest the probe may wait on PostgreSQL (statement and lock), so that /readyz answers quickly. */
const PROBE_TIMEOUT_MS = 1000;

/**
 * A cheap committed write, one row of bot_settings, so that a database that still answers
 * reads but refuses writes (a full or read-only disk, a PostgreSQL that failed over to a
 * read-only standby) counts as unable to take turns. Resolves to the write's error, or
 * undefined when the write went through.
 */
export function writeProbe(db: Kysely<Database>, dialect: SqlDialectName, timeoutMs: number): () => Promise<Error | undefined> {
    const limit = String(Math.min(PROBE_TIMEOUT_MS, timeoutMs));
    const write = async (target: Kysely<Database>): Promise<void> => {
        const now = new Date();
        await writeSetting(target, PROBE_KEY, now.toISOString(), now);
    };
    return async () => {
        try {
            if (dialect === 'sqlite') await write(db);
            else
                await db.transaction().execute(async (trx) => {
                    await sql`select set_config('statement_timeout', ${limit}, true), set_config('lock_timeout', ${limit}, true)`.execute(trx);
                    await write(trx);
                });
            return undefined;
        } catch (err) {
            return err instanceof Error ? err : new Error(String(err));
        }
    };
}
