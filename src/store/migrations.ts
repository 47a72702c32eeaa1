import { attachmentsMigration } from './attachmentsMigration';
import { deskMigration } from './deskMigration';
import { idempotencyMigration } from './idempotencyMigration';
import { lifecycleMigration } from './lifecycleMigration';
import { reportsMigration } from './reportsMigration';
import { Kysely, Migrator, sql, type ColumnDefinitionBuilder, type Migration, type MigrationProvider } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/** Microsoft service request and service health incident recorded on a ticket. */
const SERVICE_REQUEST_COLUMNS = [
    ['service_request_id', 'varchar(32)'],
    ['service_request_status', 'varchar(32)'],
    ['service_request_updated_at', 'varchar(32)'],
    ['service_health_issue_id', 'varchar(64)'],
    ['service_health_issue_title', 'varchar(255)'],
] as const;

/** Schema migrations, in order; portable SQL, with the id column spelled per dialect. */
function migrations(dialect: SqlDialectName): Record<string, Migration> {
    const id = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
        dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
    return {
        '2026-11-21-001-initial': {
            async up(db: Kysely<unknown>): Promise<void> {
                await db.schema
                    .createTable('bot_state')
                    .addColumn('key', 'varchar(1024)', (c) => c.primaryKey())
                    .addColumn('document', 'text', (c) => c.notNull())
                    .addColumn('etag', 'varchar(64)', (c) => c.notNull())
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema
                    .createTable('tickets')
                    .addColumn('id', 'integer', id)
                    .addColumn('number', 'varchar(32)', (c) => c.unique())
                    .addColumn('idempotency_key', 'varchar(128)', (c) => c.notNull().unique())
                    .addColumn('status', 'varchar(16)', (c) => c.notNull())
                    .addColumn('resolution', 'varchar(64)')
                    .addColumn('conversation_id', 'varchar(1024)', (c) => c.notNull())
                    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
                    .addColumn('language', 'varchar(8)', (c) => c.notNull())
                    .addColumn('title', 'varchar(255)', (c) => c.notNull())
                    .addColumn('description', 'text', (c) => c.notNull())
                    .addColumn('category', 'varchar(16)', (c) => c.notNull())
                    .addColumn('product', 'varchar(16)', (c) => c.notNull())
                    .addColumn('kind', 'varchar(16)')
                    .addColumn('impact', 'varchar(16)')
                    .addColumn('severity', 'varchar(1)')
                    .addColumn('due_at', 'varchar(32)')
                    .addColumn('due_basis', 'varchar(32)')
                    .addColumn('guidance_article_id', 'varchar(128)')
                    .addColumn('customer_name', 'varchar(200)')
                    .addColumn('customer_email', 'varchar(320)')
                    .addColumn('customer_organisation', 'varchar(200)')
                    .addColumn('customer_tenant_id', 'varchar(64)')
                    .addColumn('support_plan_id', 'varchar(100)')
                    .addColumn('partner_contact_name', 'varchar(200)', (c) => c.notNull())
                    .addColumn('partner_contact_email', 'varchar(320)', (c) => c.notNull())
                    .addColumn('partner_contact_phone', 'varchar(40)')
                    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema.createIndex('tickets_conversation_idx').on('tickets').column('conversation_id').execute();
                await db.schema
                    .createTable('ticket_events')
                    .addColumn('id', 'integer', id)
                    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
                    .addColumn('type', 'varchar(64)', (c) => c.notNull())
                    .addColumn('data', 'text', (c) => c.notNull())
                    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema.createIndex('ticket_events_ticket_idx').on('ticket_events').column('ticket_id').execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                await db.schema.dropTable('ticket_events').execute();
                await db.schema.dropTable('tickets').execute();
                await db.schema.dropTable('bot_state').execute();
            },
        },
        '2026-11-21-002-redacted-description': {
            async up(db: Kysely<unknown>): Promise<void> {
                await db.schema.alterTable('tickets').addColumn('description_redacted', 'text').execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                await db.schema.alterTable('tickets').dropColumn('description_redacted').execute();
            },
        },
        '2026-11-21-003-handoff': {
            async up(db: Kysely<unknown>): Promise<void> {
                await db.schema
                    .createTable('handoffs')
                    .addColumn('id', 'integer', id)
                    .addColumn('conversation_id', 'varchar(1024)', (c) => c.notNull())
                    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
                    .addColumn('state', 'varchar(16)', (c) => c.notNull())
                    .addColumn('hub', 'varchar(16)', (c) => c.notNull())
                    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
                    .addColumn('language', 'varchar(8)', (c) => c.notNull())
                    .addColumn('customer_name', 'varchar(200)')
                    .addColumn('customer_organisation', 'varchar(200)')
                    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
                    .addColumn('summary', 'text')
                    .addColumn('customer_reference', 'text', (c) => c.notNull())
                    .addColumn('agent_aad_object_id', 'varchar(64)')
                    .addColumn('agent_name', 'varchar(200)')
                    .addColumn('notice_activity_id', 'varchar(256)')
                    .addColumn('enqueued_at', 'varchar(32)', (c) => c.notNull())
                    .addColumn('accepted_at', 'varchar(32)')
                    .addColumn('ended_at', 'varchar(32)')
                    .addColumn('ended_by', 'varchar(16)')
                    .addColumn('closed_at', 'varchar(32)')
                    .addColumn('rating', 'integer')
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                // At most one live takeover per customer conversation (both dialects support partial indexes).
                await sql`create unique index handoffs_live_idx on handoffs (conversation_id) where state in ('waiting', 'agent', 'rating')`.execute(db);
                await db.schema.createIndex('handoffs_state_idx').on('handoffs').columns(['state', 'enqueued_at']).execute();
                await db.schema
                    .createTable('agents')
                    .addColumn('aad_object_id', 'varchar(64)', (c) => c.primaryKey())
                    .addColumn('name', 'varchar(200)')
                    .addColumn('added_by', 'varchar(64)', (c) => c.notNull())
                    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema
                    .createTable('agent_chats')
                    .addColumn('aad_object_id', 'varchar(64)', (c) => c.primaryKey())
                    .addColumn('name', 'varchar(200)')
                    .addColumn('reference', 'text', (c) => c.notNull())
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema
                    .createTable('bot_settings')
                    .addColumn('key', 'varchar(128)', (c) => c.primaryKey())
                    .addColumn('value', 'text', (c) => c.notNull())
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema
                    .createTable('transcript_entries')
                    .addColumn('id', 'integer', id)
                    .addColumn('conversation_id', 'varchar(1024)', (c) => c.notNull())
                    .addColumn('role', 'varchar(16)', (c) => c.notNull())
                    .addColumn('author', 'varchar(200)')
                    .addColumn('text', 'text', (c) => c.notNull())
                    .addColumn('text_redacted', 'text', (c) => c.notNull())
                    .addColumn('attachments', 'text')
                    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema
                    .createTable('conversation_refs')
                    .addColumn('conversation_id', 'varchar(1024)', (c) => c.primaryKey())
                    .addColumn('reference', 'text', (c) => c.notNull())
                    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema.createIndex('transcript_conversation_idx').on('transcript_entries').columns(['conversation_id', 'id']).execute();
                await db.schema.alterTable('tickets').addColumn('rating', 'integer').execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                await db.schema.alterTable('tickets').dropColumn('rating').execute();
                for (const table of ['conversation_refs', 'transcript_entries', 'bot_settings', 'agent_chats', 'agents', 'handoffs']) await db.schema.dropTable(table).execute();
            },
        },
        '2026-11-21-005-service-requests': {
            // One ALTER per column: SQLite accepts a single ADD COLUMN per statement.
            async up(db: Kysely<unknown>): Promise<void> {
                for (const [name, type] of SERVICE_REQUEST_COLUMNS) await db.schema.alterTable('tickets').addColumn(name, type).execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                for (const [name] of SERVICE_REQUEST_COLUMNS) await db.schema.alterTable('tickets').dropColumn(name).execute();
            },
        },
        '2026-12-07-006-ownership-and-agent-actions': {
            // Who opened a ticket on its channel (Web Chat status answers only them), and the
            // server-side ids of the buttons on cards the bot issued to agents.
            async up(db: Kysely<unknown>): Promise<void> {
                await db.schema.alterTable('tickets').addColumn('customer_user_id', 'varchar(512)').execute();
                await db.schema
                    .createTable('agent_actions')
                    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
                    .addColumn('action', 'varchar(32)', (c) => c.notNull())
                    .addColumn('handoff_id', 'integer')
                    .addColumn('ticket_id', 'integer')
                    .addColumn('audience', 'varchar(1100)', (c) => c.notNull())
                    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                    .execute();
                await db.schema.createIndex('agent_actions_created_idx').on('agent_actions').column('created_at').execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                await db.schema.dropTable('agent_actions').execute();
                await db.schema.alterTable('tickets').dropColumn('customer_user_id').execute();
            },
        },
        '2026-12-07-007-ticket-lifecycle': lifecycleMigration(dialect),
        '2026-12-07-008-agent-availability': deskMigration(),
        '2026-12-07-010-desk-reports': reportsMigration(),
        '2026-12-07-009-idempotency-records': idempotencyMigration,
        '2026-12-07-011-attachments': attachmentsMigration(dialect),
        '2026-11-21-004-outbox': {
            // Side effects that leave the process, written in the ticket's transaction (see escalation/outbox.ts).
            async up(db: Kysely<unknown>): Promise<void> {
                await db.schema
                    .createTable('outbox')
                    .addColumn('id', 'integer', id)
                    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
                    .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull().unique())
                    .addColumn('payload', 'text', (c) => c.notNull())
                    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
                    .addColumn('status', 'varchar(16)', (c) => c.notNull())
                    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
                    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
                    .addColumn('last_error', 'varchar(300)')
                    .addColumn('lease_until', 'varchar(32)')
                    .addColumn('claimed_by', 'varchar(64)')
                    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                    .addColumn('delivered_at', 'varchar(32)')
                    .execute();
                await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
                await db.schema.createIndex('outbox_ticket_idx').on('outbox').column('ticket_id').execute();
            },
            async down(db: Kysely<unknown>): Promise<void> {
                await db.schema.dropTable('outbox').execute();
            },
        },
    };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
    const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
    const migrator = new Migrator({ db, provider });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
        throw new Error(`migrateToLatest(): migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
    }
}
