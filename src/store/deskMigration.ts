import type { Kysely, Migration } from 'kysely';

/**
 * Agents at work all day: each agent's availability (available, away, offline) and the live
 * chat their next message goes to, kept with their 1:1 chat with the bot.
 */
export function deskMigration(): Migration {
    return {
        async up(db: Kysely<unknown>): Promise<void> {
            // One ALTER per column: SQLite accepts a single ADD COLUMN per statement.
            await db.schema.alterTable('agent_chats').addColumn('availability', 'varchar(16)', (c) => c.notNull().defaultTo('available')).execute();
            await db.schema.alterTable('agent_chats').addColumn('availability_at', 'varchar(32)').execute();
            await db.schema.alterTable('agent_chats').addColumn('focus_handoff_id', 'integer').execute();
            await db.schema.alterTable('handoffs').addColumn('transfer_note', 'text').execute();
            await db.schema.createIndex('handoffs_agent_state_idx').on('handoffs').columns(['agent_aad_object_id', 'state']).execute();
        },
        async down(db: Kysely<unknown>): Promise<void> {
            await db.schema.dropIndex('handoffs_agent_state_idx').execute();
            await db.schema.alterTable('handoffs').dropColumn('transfer_note').execute();
            for (const column of ['focus_handoff_id', 'availability_at', 'availability']) await db.schema.alterTable('agent_chats').dropColumn(column).execute();
        },
    };
}
