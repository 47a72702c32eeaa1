import type { ConversationReference } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** What an agent tells the desk about themselves: customers go only to available agents. */
export const AGENT_AVAILABILITIES = ['available', 'away', 'offline'] as const;
export type Availability = (typeof AGENT_AVAILABILITIES)[number];

const asAvailability = (value: string): Availability => ((AGENT_AVAILABILITIES as readonly string[]).includes(value) ? (value as Availability) : 'available');

/** An agent's place at the desk: their availability (since when) and the chat their next message goes to. */
export interface AgentPresence {
    aadObjectId: string;
    name: string | null;
    availability: Availability;
    availabilityAt: string | null;
    focusHandoffId: number | null;
}

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

    /** Sets the agent's availability; false when they have no chat with the bot yet. */
    async setAvailability(aadObjectId: string, availability: Availability, now: Date): Promise<boolean> {
        const result = await this.db.updateTable('agent_chats').set({ availability, availability_at: now.toISOString() }).where('aad_object_id', '=', aadObjectId).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }

    /** The live chat the agent's next message goes to. */
    async setFocus(aadObjectId: string, handoffId: number | null): Promise<void> {
        await this.db.updateTable('agent_chats').set({ focus_handoff_id: handoffId }).where('aad_object_id', '=', aadObjectId).execute();
    }

    /** Every agent with a chat: availability and focus. */
    async presence(): Promise<AgentPresence[]> {
        const rows = await this.db.selectFrom('agent_chats').select(['aad_object_id', 'name', 'availability', 'availability_at', 'focus_handoff_id']).orderBy('aad_object_id').execute();
        return rows.map((r) => ({ aadObjectId: r.aad_object_id, name: r.name, availability: asAvailability(r.availability), availabilityAt: r.availability_at, focusHandoffId: r.focus_handoff_id }));
    }

    /** One agent's presence, when they have a chat with the bot. */
    async presenceOf(aadObjectId: string): Promise<AgentPresence | undefined> {
        return (await this.presence()).find((p) => p.aadObjectId === aadObjectId);
    }

    /** Agents who have a chat with the bot, with the name Teams gave them. */
    async named(): Promise<Array<{ aadObjectId: string; name: string | null }>> {
        const rows = await this.db.selectFrom('agent_chats').select(['aad_object_id', 'name']).execute();
        return rows.map((r) => ({ aadObjectId: r.aad_object_id, name: r.name }));
    }
}
