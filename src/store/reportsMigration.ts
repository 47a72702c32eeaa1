import { sql, type Kysely, type Migration } from 'kysely';
import { OPEN_STATUS_LIST } from '../policy/types';

/** `status in ('new', ...)` spelled with literals: a partial index is used only when the query repeats its predicate. */
export const OPEN_STATUS_SQL = `status in (${OPEN_STATUS_LIST.map((s) => `'${s}'`).join(', ')})`;

/**
 * The partner's desk tab: indexes that keep each report query a range scan of its period and
 * the Now view a walk of small sets, and the row that makes the weekly summary fire once.
 */
export function reportsMigration(): Migration {
    return {
        async up(db: Kysely<unknown>): Promise<void> {
            // Reports read a period of tickets and group them: every column they read rides in this
            // index, so each report query is one range scan of it, never a lookup of the wide rows.
            await db.schema
                .createIndex('tickets_report_idx')
                .on('tickets')
                .columns(['created_at', 'category', 'product', 'severity', 'language', 'channel_id', 'resolution', 'due_at', 'first_response_at', 'rating', 'guidance_article_id'])
                .execute();
            // Open tickets in due order, with what the Now view reads of them: counted and walked
            // without touching the wide rows (only the listed ones are read).
            await sql.raw(`create index tickets_open_due_idx on tickets (due_at, id, first_response_at, created_at) where ${OPEN_STATUS_SQL}`).execute(db);
            await db.schema.createIndex('handoffs_enqueued_idx').on('handoffs').column('enqueued_at').execute();
            // When each customer conversation began, filled from the transcript so far and then kept by it.
            await db.schema
                .createTable('conversation_starts')
                .addColumn('conversation_id', 'varchar(1024)', (c) => c.primaryKey())
                .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
                .execute();
            await sql`insert into conversation_starts (conversation_id, started_at) select conversation_id, min(created_at) from transcript_entries where role = 'customer' group by conversation_id`.execute(db);
            await db.schema.createIndex('conversation_starts_idx').on('conversation_starts').column('started_at').execute();
            // Waits narrowed by a ticket's labels look them up here instead of in the wide ticket rows.
            await db.schema.createIndex('tickets_labels_idx').on('tickets').columns(['id', 'category', 'product', 'severity']).execute();
            await db.schema
                .createTable('weekly_summaries')
                .addColumn('week', 'varchar(10)', (c) => c.primaryKey())
                .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
                .execute();
        },
        async down(db: Kysely<unknown>): Promise<void> {
            await db.schema.dropTable('weekly_summaries').execute();
            await db.schema.dropTable('conversation_starts').execute();
            for (const index of ['tickets_labels_idx', 'handoffs_enqueued_idx', 'tickets_open_due_idx', 'tickets_report_idx']) await db.schema.dropIndex(index).execute();
        },
    };
}
