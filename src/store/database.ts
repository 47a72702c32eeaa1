import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { fromRoot } from '../paths';
import { databaseHandle, type OpenDatabase } from './databaseHandle';
import { bindDatabaseId, checkBeforeOpen, fileIdentityCheck } from './databaseFile';
import { migrateToLatest } from './migrations';
import { openPostgresDatabase } from './postgresDatabase';
import type { Database } from './schema';
import { preparedStatements } from './preparedStatements';
import { databaseTelemetry } from '../telemetry/databaseTelemetry';

export type { DatabaseFault, OpenDatabase } from './databaseHandle';

/** The configuration that chooses and tunes the database. */
export type DatabaseConfig = Pick<AppConfig, 'DATABASE_FILE' | 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'DATABASE_TIMEOUT_MS'> & Partial<Pick<AppConfig, 'ALLOW_NEW_DATABASE'>>;

export interface SqliteOptions {
    /** Busy timeout in ms (default 5000). */
    timeoutMs?: number;
    /** Where faults of the open database are logged. */
    logger?: Logger;
    /** Open even where the marker shows that another database lived (ALLOW_NEW_DATABASE). */
    allowNewDatabase?: boolean;
}

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL is set (several
 * bot instances can share it), otherwise the embedded SQLite file. Migrations run either way.
 */
export function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<OpenDatabase> {
    if (config.DATABASE_URL) {
        return openPostgresDatabase(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX, timeoutMs: config.DATABASE_TIMEOUT_MS, logger });
    }
    return openSqliteDatabase(config.DATABASE_FILE, { timeoutMs: config.DATABASE_TIMEOUT_MS, logger, allowNewDatabase: config.ALLOW_NEW_DATABASE });
}

/**
 * Opens the embedded SQLite database (a file under ./data/ by default, or ':memory:'),
 * in WAL mode with a busy timeout (how long a write waits for another writer's lock), and
 * runs the migrations. A file is tied to a marker next to it, so that a lost database stops
 * the start instead of being replaced by an empty one, and is watched while open.
 */
export async function openSqliteDatabase(file: string, options: SqliteOptions = {}): Promise<OpenDatabase> {
    const location = file === ':memory:' ? file : fromRoot(file);
    const inFile = location !== ':memory:';
    const allowNew = options.allowNewDatabase ?? false;
    const marker = inFile ? checkBeforeOpen(location, allowNew) : undefined;
    if (inFile) mkdirSync(path.dirname(location), { recursive: true });
    const timeoutMs = options.timeoutMs ?? 5000;
    const sqlite = new SQLite(location, { timeout: timeoutMs });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedStatements(sqlite) }), log: databaseTelemetry('sqlite') });
    try {
        await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
        if (inFile) await bindDatabaseId(db, location, marker, allowNew, options.logger);
    } catch (err) {
        await db.destroy();
        throw err;
    }
    return databaseHandle(db, 'sqlite', { name: location, timeoutMs, logger: options.logger, outsideFault: inFile ? fileIdentityCheck(location) : undefined });
}
