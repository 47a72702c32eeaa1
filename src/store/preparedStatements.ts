import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { stripNul } from './stripNulPlugin';

/** Distinct SQL texts kept prepared; the bot issues a few dozen, so this only bounds a runaway. */
const MAX_STATEMENTS = 500;

const stripAll = (parameters: ReadonlyArray<unknown>): unknown[] => parameters.map(stripNul);

/**
 * The better-sqlite3 database as kysely's SQLite dialect sees it, with each SQL text prepared
 * once and reused (kysely prepares every query afresh, which cost as much CPU as running it),
 * and NUL characters taken out of string parameters as the PostgreSQL plugin does (so both
 * databases store the same thing) without a second pass over every query's syntax tree.
 * kysely runs one statement at a time on the one SQLite connection, so sharing is safe; a
 * streamed query (`iterate`) gets a statement of its own, as the shared one may be needed
 * before the stream ends.
 */
export function preparedStatements(db: SQLite.Database): SqliteDatabase {
    const prepared = new Map<string, SqliteStatement>();
    const prepare = (sql: string): SqliteStatement => {
        const cached = prepared.get(sql);
        if (cached) return cached;
        const statement = db.prepare(sql);
        const wrapped: SqliteStatement = {
            reader: statement.reader,
            all: (parameters) => statement.all(stripAll(parameters)),
            run: (parameters) => statement.run(stripAll(parameters)),
            iterate: (parameters) => db.prepare(sql).iterate(stripAll(parameters)),
        };
        if (prepared.size >= MAX_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
        prepared.set(sql, wrapped);
        return wrapped;
    };
    return { prepare, close: () => db.close() };
}
