import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { fromRoot } from '../paths';
import { migrateToLatest, type SqlDialectName } from './migrations';
import type { Database } from './schema';

export interface OpenDatabase {
    db: Kysely<Database>;
    dialect: SqlDialectName;
    /** True when the database answers a trivial query. */
    ping(): Promise<boolean>;
    close(): Promise<void>;
}

/**
 * Opens the embedded SQLite database (a file under ./data/ by default, or ':memory:'),
 * in WAL mode with a busy timeout, and runs the migrations.
 */
export async function openSqliteDatabase(file: string): Promise<OpenDatabase> {
    const location = file === ':memory:' ? file : fromRoot(file);
    if (location !== ':memory:') mkdirSync(path.dirname(location), { recursive: true });
    const sqlite = new SQLite(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
    return {
        db,
        dialect: 'sqlite',
        ping: async () => {
            try {
                await sql`select 1`.execute(db);
                return true;
            } catch {
                return false;
            }
        },
        close: () => db.destroy(),
    };
}
