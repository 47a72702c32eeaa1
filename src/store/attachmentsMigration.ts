import type { Migration } from 'kysely';
/** Where the bytes go: SQLite's BLOB or PostgreSQL's bytea. */
type SqlDialectName = 'sqlite' | 'postgres';

/**
 * Files a Web Chat visitor attached (screenshots, PDFs), kept in the database with the
 * conversation and, once known, the ticket, so that every instance can serve them and they go
 * with the database's backups. The id is a random 128-bit value: the link is the capability.
 */
export function attachmentsMigration(dialect: SqlDialectName): Migration {
    return {
        async up(db) {
            await db.schema
                .createTable('attachments')
                .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
                .addColumn('conversation_id', 'varchar(1024)', (c) => c.notNull())
                .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
                .addColumn('name', 'varchar(255)', (c) => c.notNull())
                .addColumn('content_type', 'varchar(64)', (c) => c.notNull())
                .addColumn('size', 'integer', (c) => c.notNull())
                .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
                .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
                .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                .execute();
            await db.schema.createIndex('attachments_conversation_idx').on('attachments').column('conversation_id').execute();
            await db.schema.createIndex('attachments_ticket_idx').on('attachments').column('ticket_id').execute();
            await db.schema.createIndex('attachments_created_idx').on('attachments').column('created_at').execute();
        },
        async down(db) {
            await db.schema.dropTable('attachments').execute();
        },
    };
}
