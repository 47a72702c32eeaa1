import type { Migration } from 'kysely';

/**
 * Answers to requests that carried an Idempotency-Key (the partner's PSA API), so that a retry
 * gets the first answer back instead of acting twice, across restarts and instances. A key is
 * scoped to the caller (the API key's name): two callers never see each other's answers.
 */
export const idempotencyMigration: Migration = {
    async up(db) {
        await db.schema
            .createTable('idempotency_records')
            .addColumn('scope', 'varchar(64)', (c) => c.notNull())
            .addColumn('idempotency_key', 'varchar(255)', (c) => c.notNull())
            .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
            .addColumn('status', 'integer', (c) => c.notNull())
            .addColumn('body', 'text', (c) => c.notNull())
            .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
            .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'idempotency_key'])
            .execute();
        await db.schema.createIndex('idempotency_records_created_idx').on('idempotency_records').column('created_at').execute();
    },
    async down(db) {
        await db.schema.dropTable('idempotency_records').execute();
    },
};
