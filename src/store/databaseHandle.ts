import { sql, type Kysely } from 'kysely';
import type { SqlDialectName } from './migrations';
import type { Database } from './schema';

/** An open database, whichever the dialect. */
export interface OpenDatabase {
    db: Kysely<Database>;
    dialect: SqlDialectName;
    /** True when the database answers a trivial query. */
    ping(): Promise<boolean>;
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
