import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logger';
import { FaultWatch, type DatabaseFault } from './faultWatch';
import type { SqlDialectName } from './migrations';
import type { Database } from './schema';
import { writeProbe } from './writeProbe';

export type { DatabaseFault } from './faultWatch';

/** An open database, whichever the dialect. */
export interface OpenDatabase {
    db: Kysely<Database>;
    dialect: SqlDialectName;
    /** True when the database answers a trivial query. */
    ping(): Promise<boolean>;
    /**
     * Why the database cannot take turns although it may answer (it cannot write; its file
     * was deleted or replaced); undefined when it can. Cached for about a second and a half.
     */
    fault(): Promise<DatabaseFault | undefined>;
    close(): Promise<void>;
}

/** A ping that turns any failure into "down". */
export function pingWith(db: Kysely<Database>): () => Promise<boolean> {
    return async () => {
        try {
            await sql`select 1`.execute(db);
            return true;
        } catch {
            return false;
        }
    };
}

export interface HandleOptions {
    /** Names the database in the log. */
    name: string;
    timeoutMs: number;
    logger?: Logger;
    /** A fault found without asking the database (the SQLite file's identity). */
    outsideFault?: () => DatabaseFault | undefined;
}

/** Wraps an open, migrated Kysely in the handle the app uses: ping, a watched fault check, close. */
export function databaseHandle(db: Kysely<Database>, dialect: SqlDialectName, options: HandleOptions): OpenDatabase {
    const probe = writeProbe(db, dialect, options.timeoutMs);
    const watch = new FaultWatch(
        async () => {
            const outside = options.outsideFault?.();
            if (outside) return outside;
            const error = await probe();
            return error ? { reason: 'the database cannot write', error } : undefined;
        },
        { database: options.name, logger: options.logger },
    );
    return {
        db,
        dialect,
        ping: pingWith(db),
        fault: () => watch.current(),
        close: async () => {
            watch.stop();
            await db.destroy();
        },
    };
}
