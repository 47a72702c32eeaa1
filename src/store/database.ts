import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { fromRoot } from '../paths';
import { databaseHandle, type OpenDatabase } from './databaseHandle';
import { migrateToLatest } from './migrations';
import { openPostgresDatabase } from './postgresDatabase';
import type { Database } from './schema';
import { StripNulPlugin } from './stripNulPlugin';

export type { DatabaseFault, OpenDatabase } from './databaseHandle';

/** The configuration that chooses and tunes the database. */
export type DatabaseConfig = Pick<AppConfig, 'DATABASE_FILE' | 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'DATABASE_TIMEOUT_MS'>;

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL is set (several
 * bot instances can share it), otherwise the embedded SQLite file. Migrations run either way.
 */
export function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<OpenDatabase> {
    if (config.DATABASE_URL) {
        return openPostgresDatabase(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX, timeoutMs: config.DATABASE_TIMEOUT_MS, logger });
    }
    return openSqliteDatabase(config.DATABASE_FILE, { timeoutMs: config.DATABASE_TIMEOUT_MS, logger });
}

/**
 * Opens the embedded SQLite database (a file under ./data/ by default, or ':memory:'),
 * in WAL mode with a busy timeout (how long a write waits for another writer's lock), and
 * runs the migrations.
 */
export async function openSqliteDatabase(file: string, options: { timeoutMs?: number; logger?: Logger } = {}): Promise<OpenDatabase> {
    const location = file === ':memory:' ? file : fromRoot(file);
    if (location !== ':memory:') mkdirSync(path.dirname(location), { recursive: true });
    const timeoutMs = options.timeoutMs ?? 5000;
    const sqlite = new SQLite(location, { timeout: timeoutMs });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new StripNulPlugin()] });
    await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
    return databaseHandle(db, 'sqlite', { name: location, timeoutMs, logger: options.logger });
}
