import type { ConversationReference } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** Each agent's 1:1 Teams chat with the bot, as a conversation reference, refreshed on every agent turn there. */
export class AgentChatRepository {
    constructor(private readonly db: Kysely<Database>) {}

    async save(agent: { aadObjectId: string; name: string }, reference: Partial<ConversationReference>, now: Date): Promise<void> {
        const json = JSON.stringify(reference);
        const iso = now.toISOString();
        await this.db
            .insertInto('agent_chats')
            .values({ aad_object_id: agent.aadObjectId, name: agent.name, reference: json, updated_at: iso })
            .onConflict((oc) => oc.column('aad_object_id').doUpdateSet({ name: agent.name, reference: json, updated_at: iso }))
            .execute();
    }

    async find(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
        const row = await this.db.selectFrom('agent_chats').select('reference').where('aad_object_id', '=', aadObjectId).executeTakeFirst();
        return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
    }

    /** Agents who have a chat with the bot, with the name Teams gave them. */
    async named(): Promise<Array<{ aadObjectId: string; name: string | null }>> {
        const rows = await this.db.selectFrom('agent_chats').select(['aad_object_id', 'name']).execute();
        return rows.map((r) => ({ aadObjectId: r.aad_object_id, name: r.name }));
    }
}
