import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresDatabase } from '../../src/store/postgresDatabase';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';

/** The PostgreSQL server tests use when set (`npm run test:postgres` sets it); SQLite otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A database created for one test or harness, dropped afterwards. */
export interface TestDatabase {
    url: string;
    drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
        return await work(client);
    } finally {
        await client.end();
    }
}

/** Creates an empty database with a random name on the TEST_DATABASE_URL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
    if (!TEST_DATABASE_URL) throw new Error('createTestDatabase(): TEST_DATABASE_URL is not set');
    const name = `csp_test_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    return {
        url: url.toString(),
        // FORCE ends connections a crashed or killed bot left behind.
        drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
}

/** An open store for store tests: a fresh PostgreSQL database under test:postgres, else SQLite in memory. */
export async function openTestDatabase(): Promise<OpenDatabase> {
    if (!TEST_DATABASE_URL) return openSqliteDatabase(':memory:');
    const created = await createTestDatabase();
    const database = await openPostgresDatabase(created.url, { poolMax: 10, timeoutMs: 5000 });
    return {
        ...database,
        close: async () => {
            await database.close();
            await created.drop();
        },
    };
}
