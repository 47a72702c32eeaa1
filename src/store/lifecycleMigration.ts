import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

/** What a ticket's life records on the row: who works it, when it was first answered, resolved, closed. */
const TICKET_COLUMNS = [
    ['assignee_aad_object_id', 'varchar(64)'],
    ['assignee_name', 'varchar(200)'],
    ['first_response_at', 'varchar(32)'],
    ['first_response_by', 'varchar(200)'],
    ['resolved_at', 'varchar(32)'],
    ['closed_at', 'varchar(32)'],
    ['resolution_text', 'text'],
] as const;

const EVENT_COLUMNS = [
    ['actor_kind', 'varchar(16)'],
    ['actor_id', 'varchar(512)'],
    ['actor_name', 'varchar(200)'],
] as const;

/**
 * The ticket lifecycle (statuses new … closed, assignee, first response, resolution text),
 * who made each change, breach alerts that fire once, and the updates customers have not
 * seen yet. 'open' tickets become 'new'. `version` lets concurrent changes detect each other.
 */
export function lifecycleMigration(dialect: 'sqlite' | 'postgres'): Migration {
    const id = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
    return {
        async up(db: Kysely<unknown>): Promise<void> {
            // One ALTER per column: SQLite accepts a single ADD COLUMN per statement.
            for (const [name, type] of TICKET_COLUMNS) await db.schema.alterTable('tickets').addColumn(name, type).execute();
            await db.schema.alterTable('tickets').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
            for (const [name, type] of EVENT_COLUMNS) await db.schema.alterTable('ticket_events').addColumn(name, type).execute();
            await sql`update tickets set status = 'new' where status = 'open'`.execute(db);
            await sql`update tickets set resolved_at = updated_at where status = 'resolved'`.execute(db);
            await db.schema.createIndex('tickets_status_due_idx').on('tickets').columns(['status', 'due_at']).execute();
            await db.schema.createIndex('tickets_owner_idx').on('tickets').columns(['channel_id', 'customer_user_id']).execute();
            await db.schema
                .createTable('ticket_alerts')
                .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
                .addColumn('kind', 'varchar(16)', (c) => c.notNull())
                .addColumn('due_at', 'varchar(32)', (c) => c.notNull())
                .addColumn('fired_at', 'varchar(32)', (c) => c.notNull())
                .addPrimaryKeyConstraint('ticket_alerts_pk', ['ticket_id', 'kind', 'due_at'])
                .execute();
            await db.schema
                .createTable('customer_notices')
                .addColumn('id', 'integer', id)
                .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
                .addColumn('event_id', 'integer', (c) => c.notNull().unique())
                .addColumn('conversation_id', 'varchar(1024)', (c) => c.notNull())
                .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
                .addColumn('user_id', 'varchar(512)')
                .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                .addColumn('sent_at', 'varchar(32)')
                .addColumn('shown_at', 'varchar(32)')
                .execute();
            await db.schema.createIndex('customer_notices_conversation_idx').on('customer_notices').columns(['conversation_id', 'shown_at']).execute();
            await db.schema.createIndex('customer_notices_user_idx').on('customer_notices').columns(['channel_id', 'user_id', 'shown_at']).execute();
        },
        async down(db: Kysely<unknown>): Promise<void> {
            await db.schema.dropTable('customer_notices').execute();
            await db.schema.dropTable('ticket_alerts').execute();
            await db.schema.dropIndex('tickets_owner_idx').execute();
            await db.schema.dropIndex('tickets_status_due_idx').execute();
            await sql`update tickets set status = 'open' where status not in ('resolved', 'closed')`.execute(db);
            for (const [name] of EVENT_COLUMNS) await db.schema.alterTable('ticket_events').dropColumn(name).execute();
            await db.schema.alterTable('tickets').dropColumn('version').execute();
            for (const [name] of TICKET_COLUMNS) await db.schema.alterTable('tickets').dropColumn(name).execute();
        },
    };
}
