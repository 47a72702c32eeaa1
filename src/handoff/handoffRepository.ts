import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { LANGUAGES } from '../policy/types';
import type { Database, HandoffsTable } from '../store/schema';
import type { Handoff, HandoffState } from './handoffTypes';

const Language = z.enum(LANGUAGES).catch('en');

/** A row as the rest of the bot sees it: camelCase, with the language as a literal. */
function toHandoff(row: Selectable<HandoffsTable>): Handoff {
    return {
        id: row.id,
        conversationId: row.conversation_id,
        channelId: row.channel_id,
        state: row.state,
        hub: row.hub,
        reason: row.reason,
        language: Language.parse(row.language),
        customerName: row.customer_name,
        customerOrganisation: row.customer_organisation,
        ticketId: row.ticket_id,
        summary: row.summary,
        customerReference: row.customer_reference,
        agentAadObjectId: row.agent_aad_object_id,
        agentName: row.agent_name,
        noticeActivityId: row.notice_activity_id,
        enqueuedAt: row.enqueued_at,
        acceptedAt: row.accepted_at,
        endedAt: row.ended_at,
        endedBy: row.ended_by,
        closedAt: row.closed_at,
        rating: row.rating,
        updatedAt: row.updated_at,
        transferNote: row.transfer_note,
    };
}

/** Fields a state change may set besides the state. */
export interface HandoffEnding {
    endedAt?: Date;
    endedBy?: string;
    closedAt?: Date;
    rating?: number;
}

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
export type ClaimResult = { won: true; handoff: Handoff } | { won: false; handoff: Handoff | undefined };

/**
 * Takeovers in the database. Every state change is one conditional UPDATE, so two agents or
 * two bot instances racing on the same row cannot both succeed.
 */
export class HandoffRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /** The conversation's live takeover (waiting, with an agent, or awaiting a rating). */
    async live(conversationId: string): Promise<Handoff | undefined> {
        const row = await this.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversationId).where('state', 'in', LIVE_STATES).executeTakeFirst();
        return row && toHandoff(row);
    }

    async byId(id: number): Promise<Handoff | undefined> {
        const row = await this.db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toHandoff(row);
    }

    /** Puts the customer in the queue; when a live takeover exists already, returns it (created false). */
    async enqueue(input: NewHandoff, now: Date): Promise<{ handoff: Handoff; created: boolean }> {
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
            return { handoff: toHandoff(row), created: true };
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
    async transition(id: number, from: HandoffState, to: HandoffState, ending: HandoffEnding, now: Date): Promise<boolean> {
        const fields = {
            ...(ending.endedAt ? { ended_at: ending.endedAt.toISOString() } : {}),
            ...(ending.endedBy ? { ended_by: ending.endedBy } : {}),
            ...(ending.closedAt ? { closed_at: ending.closedAt.toISOString() } : {}),
            ...(ending.rating !== undefined ? { rating: ending.rating } : {}),
        };
        const result = await this.db
            .updateTable('handoffs')
            .set({ ...fields, state: to, updated_at: now.toISOString() })
            .where('id', '=', id)
            .where('state', '=', from)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }

    /** The customers the agent is talking to now, first accepted first. */
    async chatsWith(aadObjectId: string): Promise<Handoff[]> {
        const rows = await this.db.selectFrom('handoffs').selectAll().where('state', '=', 'agent').where('agent_aad_object_id', '=', aadObjectId).orderBy('accepted_at').orderBy('id').execute();
        return rows.map(toHandoff);
    }

    /** Live chats per agent (agents without one are absent). */
    async liveCounts(): Promise<Map<string, number>> {
        const rows = await this.db
            .selectFrom('handoffs')
            .select(['agent_aad_object_id', (eb) => eb.fn.countAll<number>().as('n')])
            .where('state', '=', 'agent')
            .groupBy('agent_aad_object_id')
            .execute();
        return new Map(rows.filter((r) => r.agent_aad_object_id).map((r) => [r.agent_aad_object_id as string, Number(r.n)]));
    }

    /** Hands a live chat from one agent to another, with a note; false when it was no longer that agent's. */
    async transfer(id: number, from: string, to: AgentRef, note: string | null, now: Date): Promise<boolean> {
        const iso = now.toISOString();
        const result = await this.db
            .updateTable('handoffs')
            .set({ agent_aad_object_id: to.aadObjectId, agent_name: to.name, accepted_at: iso, transfer_note: note, updated_at: iso })
            .where('id', '=', id)
            .where('state', '=', 'agent')
            .where('agent_aad_object_id', '=', from)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }

    /** Puts a live chat back in the queue (at its original place), with a note; false when it was no longer that agent's. */
    async requeue(id: number, from: string, note: string | null, now: Date): Promise<boolean> {
        const result = await this.db
            .updateTable('handoffs')
            .set({ state: 'waiting', agent_aad_object_id: null, agent_name: null, accepted_at: null, transfer_note: note, updated_at: now.toISOString() })
            .where('id', '=', id)
            .where('state', '=', 'agent')
            .where('agent_aad_object_id', '=', from)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }

    /** Waiting customers of the built-in queue, oldest first. */
    async waiting(limit = 50): Promise<Handoff[]> {
        const rows = await this.db.selectFrom('handoffs').selectAll().where('state', '=', 'waiting').where('hub', '=', 'builtin').orderBy('enqueued_at').orderBy('id').limit(limit).execute();
        return rows.map(toHandoff);
    }

    /** 1-based place in the queue. */
    async position(handoff: Handoff): Promise<number> {
        const ahead = await this.db
            .selectFrom('handoffs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '=', 'waiting')
            .where('hub', '=', 'builtin')
            .where((eb) => eb.or([eb('enqueued_at', '<', handoff.enqueuedAt), eb.and([eb('enqueued_at', '=', handoff.enqueuedAt), eb('id', '<', handoff.id)])]))
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
    async waitingSince(before: Date): Promise<Handoff[]> {
        const rows = await this.db.selectFrom('handoffs').selectAll().where('state', '=', 'waiting').where('enqueued_at', '<', before.toISOString()).orderBy('id').execute();
        return rows.map(toHandoff);
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

