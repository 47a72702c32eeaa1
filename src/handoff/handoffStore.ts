import type { Kysely, Selectable } from 'kysely';
import type { Database, HandoffsTable, TranscriptEntriesTable } from '../store/schema';
import { readSetting, writeSetting } from '../store/botSettings';

export type HandoffRow = Selectable<HandoffsTable>;
export type TranscriptEntry = Selectable<TranscriptEntriesTable>;

/** States in which the bot does not run the customer's conversation itself. */
export const LIVE_STATES = ['waiting', 'agent', 'rating'] as const;

export interface NewHandoff {
    conversationId: string;
    channelId: string;
    hub: 'builtin' | 'external';
    reason: string;
    language: string;
    customerName: string | null;
    customerOrganisation: string | null;
    ticketId: number | null;
    summary: string | null;
    customerReference: string;
}

export interface AgentRef {
    aadObjectId: string;
    name: string;
}

/** Outcome of an agent's accept: exactly one agent wins a waiting customer. */
export type ClaimResult = { won: true; handoff: HandoffRow } | { won: false; handoff: HandoffRow | undefined };

/**
 * Takeovers in the database. Every state change is one conditional UPDATE, so two agents or
 * two bot instances racing on the same row cannot both succeed.
 */
export class HandoffStore {
    constructor(private readonly db: Kysely<Database>) {}

    /** The conversation's live takeover (waiting, with an agent, or awaiting a rating). */
    live(conversationId: string): Promise<HandoffRow | undefined> {
        return this.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversationId).where('state', 'in', LIVE_STATES).executeTakeFirst();
    }

    byId(id: number): Promise<HandoffRow | undefined> {
        return this.db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
    }

    /** Puts the customer in the queue; when a live takeover exists already, returns it (created false). */
    async enqueue(input: NewHandoff, now: Date): Promise<{ handoff: HandoffRow; created: boolean }> {
        const existing = await this.live(input.conversationId);
        if (existing) return { handoff: existing, created: false };
        const iso = now.toISOString();
        try {
            const row = await this.db
                .insertInto('handoffs')
                .values({
                    conversation_id: input.conversationId,
                    channel_id: input.channelId,
                    state: 'waiting',
                    hub: input.hub,
                    reason: input.reason,
                    language: input.language,
                    customer_name: input.customerName,
                    customer_organisation: input.customerOrganisation,
                    ticket_id: input.ticketId,
                    summary: input.summary,
                    customer_reference: input.customerReference,
                    enqueued_at: iso,
                    updated_at: iso,
                })
                .returningAll()
                .executeTakeFirstOrThrow();
            return { handoff: row, created: true };
        } catch (error) {
            // The partial unique index refused a second live row: another turn enqueued first.
            const raced = await this.live(input.conversationId);
            if (raced) return { handoff: raced, created: false };
            throw error;
        }
    }

    /** Atomically gives a waiting customer to one agent. */
    async claim(id: number, agent: AgentRef, now: Date): Promise<ClaimResult> {
        const iso = now.toISOString();
        const result = await this.db
            .updateTable('handoffs')
            .set({ state: 'agent', agent_aad_object_id: agent.aadObjectId, agent_name: agent.name, accepted_at: iso, updated_at: iso })
            .where('id', '=', id)
            .where('state', '=', 'waiting')
            .where('hub', '=', 'builtin')
            .executeTakeFirst();
        const handoff = await this.byId(id);
        return Number(result.numUpdatedRows) === 1 && handoff ? { won: true, handoff } : { won: false, handoff };
    }

    /** Moves a row from one state to another; false when it was no longer in `from` (someone else moved it). */
    async transition(id: number, from: HandoffsTable['state'], to: HandoffsTable['state'], fields: Partial<Pick<HandoffRow, 'ended_at' | 'ended_by' | 'closed_at' | 'rating'>>, now: Date): Promise<boolean> {
        const result = await this.db
            .updateTable('handoffs')
            .set({ ...fields, state: to, updated_at: now.toISOString() })
            .where('id', '=', id)
            .where('state', '=', from)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }

    /** The customer the agent is talking to now, if any. */
    withAgent(aadObjectId: string): Promise<HandoffRow | undefined> {
        return this.db.selectFrom('handoffs').selectAll().where('state', '=', 'agent').where('agent_aad_object_id', '=', aadObjectId).executeTakeFirst();
    }

    /** Waiting customers of the built-in queue, oldest first. */
    waiting(limit = 50): Promise<HandoffRow[]> {
        return this.db.selectFrom('handoffs').selectAll().where('state', '=', 'waiting').where('hub', '=', 'builtin').orderBy('enqueued_at').orderBy('id').limit(limit).execute();
    }

    /** 1-based place in the queue. */
    async position(handoff: HandoffRow): Promise<number> {
        const ahead = await this.db
            .selectFrom('handoffs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '=', 'waiting')
            .where('hub', '=', 'builtin')
            .where((eb) => eb.or([eb('enqueued_at', '<', handoff.enqueued_at), eb.and([eb('enqueued_at', '=', handoff.enqueued_at), eb('id', '<', handoff.id)])]))
            .executeTakeFirstOrThrow();
        return Number(ahead.n) + 1;
    }

    /** How long recently accepted customers waited, in milliseconds (newest first). */
    async recentWaits(limit = 20): Promise<number[]> {
        const rows = await this.db
            .selectFrom('handoffs')
            .select(['enqueued_at', 'accepted_at'])
            .where('accepted_at', 'is not', null)
            .orderBy('accepted_at', 'desc')
            .limit(limit)
            .execute();
        return rows.map((r) => Date.parse(r.accepted_at as string) - Date.parse(r.enqueued_at));
    }

    /** Waiting rows enqueued before `before` (for the timeout sweep). */
    waitingSince(before: Date): Promise<HandoffRow[]> {
        return this.db.selectFrom('handoffs').selectAll().where('state', '=', 'waiting').where('enqueued_at', '<', before.toISOString()).orderBy('id').execute();
    }

    async setNotice(id: number, activityId: string): Promise<void> {
        await this.db.updateTable('handoffs').set({ notice_activity_id: activityId }).where('id', '=', id).execute();
    }

    async setTicket(id: number, ticketId: number): Promise<void> {
        await this.db.updateTable('handoffs').set({ ticket_id: ticketId }).where('id', '=', id).execute();
    }

    /** Keeps the customer's conversation reference current (serviceUrl can change). */
    async refreshReference(id: number, reference: string): Promise<void> {
        await this.db.updateTable('handoffs').set({ customer_reference: reference }).where('id', '=', id).where('customer_reference', '!=', reference).execute();
    }
}

/** Every message of customer conversations, kept for agents (raw) and for what leaves the partner (redacted). */
export class TranscriptStore {
    constructor(private readonly db: Kysely<Database>) {}

    /** Records a turn's messages and, for a customer's turn, their latest conversation reference (one transaction). */
    async append(entries: Array<Omit<TranscriptEntry, 'id'>>, reference?: { conversationId: string; json: string; at: string }): Promise<void> {
        if (entries.length === 0 && !reference) return;
        await this.db.transaction().execute(async (trx) => {
            if (entries.length > 0) await trx.insertInto('transcript_entries').values(entries).execute();
            if (reference) {
                await trx
                    .insertInto('conversation_refs')
                    .values({ conversation_id: reference.conversationId, reference: reference.json, updated_at: reference.at })
                    // Rewritten only when it changed (a new serviceUrl), not on every turn.
                    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ reference: reference.json, updated_at: reference.at }).where('conversation_refs.reference', '!=', reference.json))
                    .execute();
            }
        });
    }

    /** The customer conversation's latest reference (refreshed on each of their turns). */
    async reference(conversationId: string): Promise<string | undefined> {
        return (await this.db.selectFrom('conversation_refs').select('reference').where('conversation_id', '=', conversationId).executeTakeFirst())?.reference;
    }

    /** The last `limit` entries, oldest first. */
    async recent(conversationId: string, limit: number): Promise<TranscriptEntry[]> {
        const rows = await this.db.selectFrom('transcript_entries').selectAll().where('conversation_id', '=', conversationId).orderBy('id', 'desc').limit(limit).execute();
        return rows.reverse();
    }
}

/** Small settings kept in the database (so every instance sees them). */
export class SettingsStore {
    constructor(private readonly db: Kysely<Database>) {}

    get(key: string): Promise<string | undefined> {
        return readSetting(this.db, key);
    }

    set(key: string, value: string, now: Date): Promise<void> {
        return writeSetting(this.db, key, value, now);
    }
}
