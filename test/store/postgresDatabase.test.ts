import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from '../../src/store/database';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/testDatabase';

const suite = TEST_DATABASE_URL ? describe : describe.skip;

suite(`openDatabase with DATABASE_URL${TEST_DATABASE_URL ? '' : ' (skipped: needs TEST_DATABASE_URL; npm run test:postgres runs it)'}`, () => {
    let created: TestDatabase;
    let database: OpenDatabase;
    beforeEach(async () => {
        created = await createTestDatabase();
        database = await openDatabase({ DATABASE_URL: created.url, DATABASE_FILE: './unused.sqlite', DATABASE_POOL_MAX: 2, DATABASE_TIMEOUT_MS: 300 });
    });
    afterEach(async () => {
        await database.close();
        await created.drop();
    });

    it('opens PostgreSQL, migrated, instead of the SQLite file', async () => {
        assert.equal(database.dialect, 'postgres');
        const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db);
        assert.ok(['bot_state', 'tickets', 'ticket_events'].every((t) => tables.rows.some((r) => r.table_name === t)));
        assert.equal(await database.ping(), true);
    });

    it('cancels a statement that runs past DATABASE_TIMEOUT_MS, and keeps serving', async () => {
        await assert.rejects(sql`select pg_sleep(3)`.execute(database.db), /statement timeout/);
        assert.equal(await database.ping(), true);
    });

    it('migrates once when opened again (a second instance)', async () => {
        const second = await openDatabase({ DATABASE_URL: created.url, DATABASE_FILE: './unused.sqlite', DATABASE_POOL_MAX: 2, DATABASE_TIMEOUT_MS: 300 });
        try {
            const applied = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(second.db);
            const expected = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(database.db);
            assert.equal(applied.rows[0]?.n, expected.rows[0]?.n);
        } finally {
            await second.close();
        }
    });
});
