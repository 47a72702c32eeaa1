import type { Kysely } from 'kysely';
import { OPEN_STATUS_LIST, type Actor, type TicketStatus } from '../policy/types';
import type { Database } from './schema';
import { applyTicketChange, insertEvent, type ChangeResult, type TicketChange, type TicketEdit, type TicketHooks } from './ticketChange';
import { toTicket, toTicketEvent, type Ticket, type TicketEvent } from './ticket';

export type { Ticket, TicketEvent, TicketStatus } from './ticket';
export type { ChangeResult, TicketChange, TicketEdit, TicketHooks, TicketPatch } from './ticketChange';
export { toTicket } from './ticket';

/** What the bot knows when it opens (or records) a ticket. */
export type NewTicket = Pick<
    Ticket,
    'idempotencyKey' | 'status' | 'resolution' | 'conversationId' | 'channelId' | 'language' | 'title' | 'description' | 'category' | 'product' | 'kind' | 'impact' | 'severity' | 'dueAt' | 'dueBasis' | 'guidanceArticleId' | 'supportPlanId'
> & {
    descriptionRedacted: string;
    customer: { name: string | null; email: string | null; organisation: string | null; tenantId: string | null; userId?: string | null };
    partnerContact: { name: string; email: string; phone: string | null };
    /** The open Microsoft service health issue shown to the customer, if any. */
    serviceHealthIssue?: { id: string; title: string } | null;
};

export interface CreateResult {
    ticket: Ticket;
    /** False when a ticket with the same idempotency key already existed. */
    created: boolean;
}

/** The repository's hooks, then one more write in the same transaction. */
function withAlongside(hooks: TicketHooks, alongside: NonNullable<TicketHooks['inTransaction']>): TicketHooks {
    return {
        afterCommit: hooks.afterCommit?.bind(hooks),
        async inTransaction(trx, change) {
            await hooks.inTransaction?.(trx, change);
            await alongside(trx, change);
        },
    };
}

/** People-readable ticket number: SR-<year>-<6-digit id>. */
export function formatTicketNumber(id: number, createdAt: Date): string {
    return `SR-${createdAt.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
}

/**
 * Tickets and their event history. Creating is idempotent per idempotency key, also when
 * two instances create at once: the INSERT … ON CONFLICT DO NOTHING decides, in one
 * statement, on SQLite and PostgreSQL alike. The number comes from the row's generated id,
 * so concurrent creates never share one (PostgreSQL may skip a number after a rolled-back
 * create; the cheap look-up first keeps a repeated create from skipping one).
 */
export class TicketRepository {
    constructor(
        private readonly db: Kysely<Database>,
        private readonly hooks: TicketHooks = {},
    ) {}

    /** Stores a new ticket, its 'opened' event and the hooks' rows in one transaction; a repeated key returns the first ticket and changes nothing. */
    async create(input: NewTicket, now: Date = new Date(), actor: Actor = { kind: 'customer' }): Promise<CreateResult> {
        const existing = await this.findByIdempotencyKey(input.idempotencyKey);
        if (existing) return { ticket: existing, created: false };
        const result = await this.db.transaction().execute(async (trx): Promise<CreateResult & { change?: TicketChange }> => {
            const iso = now.toISOString();
            const inserted = await trx
                .insertInto('tickets')
                .values({
                    number: null,
                    idempotency_key: input.idempotencyKey,
                    status: input.status,
                    resolution: input.resolution,
                    resolved_at: input.status === 'resolved' ? iso : null,
                    conversation_id: input.conversationId,
                    channel_id: input.channelId,
                    language: input.language,
                    title: input.title,
                    description: input.description,
                    description_redacted: input.descriptionRedacted,
                    category: input.category,
                    product: input.product,
                    kind: input.kind,
                    impact: input.impact,
                    severity: input.severity,
                    due_at: input.dueAt,
                    due_basis: input.dueBasis,
                    guidance_article_id: input.guidanceArticleId,
                    customer_name: input.customer.name,
                    customer_email: input.customer.email,
                    customer_organisation: input.customer.organisation,
                    customer_tenant_id: input.customer.tenantId,
                    customer_user_id: input.customer.userId ?? null,
                    support_plan_id: input.supportPlanId,
                    partner_contact_name: input.partnerContact.name,
                    partner_contact_email: input.partnerContact.email,
                    partner_contact_phone: input.partnerContact.phone,
                    service_health_issue_id: input.serviceHealthIssue?.id ?? null,
                    service_health_issue_title: input.serviceHealthIssue?.title.slice(0, 255) ?? null,
                    created_at: iso,
                    updated_at: iso,
                })
                .onConflict((oc) => oc.column('idempotency_key').doNothing())
                .returning('id')
                .executeTakeFirst();
            if (!inserted) {
                const existing = await trx.selectFrom('tickets').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
                return { ticket: toTicket(existing), created: false };
            }
            const number = formatTicketNumber(inserted.id, now);
            await trx.updateTable('tickets').set({ number }).where('id', '=', inserted.id).execute();
            const event = await insertEvent(trx, inserted.id, input.status === 'resolved' ? 'resolved-by-guidance' : 'opened', { severity: input.severity, dueAt: input.dueAt }, actor, iso);
            const ticket = toTicket(await trx.selectFrom('tickets').selectAll().where('id', '=', inserted.id).executeTakeFirstOrThrow());
            const change: TicketChange = { type: 'created', ticket, event, eventId: event.id };
            await this.hooks.inTransaction?.(trx, change);
            return { ticket, created: true, change };
        });
        if (result.change) this.hooks.afterCommit?.(result.change);
        return { ticket: result.ticket, created: result.created };
    }

    /**
     * Changes a ticket: `decide` reads it as it is and returns the edit (columns and event) or
     * a refusal; the row, the event with its actor and the hooks' rows are written in one
     * transaction (see applyTicketChange). `alongside` writes more in that transaction (the
     * answer an idempotent request keeps); when it throws, nothing of the change is kept.
     * Undefined when there is no such ticket.
     */
    change<R extends string = never>(ticketId: number, actor: Actor, decide: (before: Ticket) => TicketEdit | R, now: Date = new Date(), alongside?: TicketHooks['inTransaction']): Promise<ChangeResult<R> | undefined> {
        return applyTicketChange(this.db, alongside ? withAlongside(this.hooks, alongside) : this.hooks, ticketId, actor, decide, now);
    }

    /**
     * Adds what the customer said afterwards to the ticket's description (and its redacted
     * copy), with an 'amended' event. Undefined when there is no such ticket.
     */
    async amend(ticketId: number, addition: { text: string; redacted: string }, now: Date = new Date()): Promise<Ticket | undefined> {
        const result = await this.change(
            ticketId,
            { kind: 'customer' },
            (before) => ({
                set: { description: `${before.description}\n${addition.text}`, description_redacted: `${before.descriptionRedacted ?? ''}\n${addition.redacted}`.trim() },
                event: { type: 'amended', data: { by: 'customer' } },
            }),
            now,
        );
        return result?.ticket;
    }

    /** The ticket with this number (e.g. SR-2026-000123), if any. */
    async findByNumber(number: string): Promise<Ticket | undefined> {
        const row = await this.db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
        return row && toTicket(row);
    }

    async findByIdempotencyKey(key: string): Promise<Ticket | undefined> {
        const row = await this.db.selectFrom('tickets').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
        return row && toTicket(row);
    }

    async listByConversation(conversationId: string): Promise<Ticket[]> {
        const rows = await this.db.selectFrom('tickets').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
        return rows.map(toTicket);
    }

    /**
     * The newest tickets of one customer: opened in this conversation, by this person on this
     * channel, or (Teams) in this tenant. Who may read them is still the caller's rule to apply.
     */
    async recentFor(owner: { conversationId: string; channelId: string; userId?: string; tenantId?: string }, limit = 3, status?: TicketStatus): Promise<Ticket[]> {
        const rows = await this.db
            .selectFrom('tickets')
            .selectAll()
            .$if(status !== undefined, (q) => q.where('status', '=', status as TicketStatus))
            .where((eb) =>
                eb.or([
                    eb('conversation_id', '=', owner.conversationId),
                    ...(owner.userId ? [eb.and([eb('customer_user_id', '=', owner.userId), eb('channel_id', '=', owner.channelId)])] : []),
                    ...(owner.tenantId ? [eb('customer_tenant_id', '=', owner.tenantId)] : []),
                ]),
            )
            .orderBy('id', 'desc')
            .limit(limit)
            .execute();
        return rows.map(toTicket);
    }

    async findById(id: number): Promise<Ticket | undefined> {
        const row = await this.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
        return row && toTicket(row);
    }

    /** Appends an event (an agent's note, a takeover, a rating) to the ticket's history. */
    async addEvent(ticketId: number, type: string, data: Record<string, unknown>, now: Date = new Date(), actor: Actor | null = null): Promise<void> {
        await insertEvent(this.db, ticketId, type, data, actor, now.toISOString());
    }

    /** Stores the customer's 1-5 rating of the help they got, with a 'rated' event. */
    async setRating(ticketId: number, rating: number, now: Date = new Date(), actor: Actor = { kind: 'customer' }): Promise<Ticket | undefined> {
        return (await this.change(ticketId, actor, () => ({ set: { rating }, event: { type: 'rated', data: { rating } } }), now))?.ticket;
    }

    /** Records what Partner Center said about the ticket's service request; `changed` also touches the ticket's updated time. */
    async setServiceRequest(ticketId: number, state: { id: string; status: string }, now: Date, changed: boolean): Promise<void> {
        const iso = now.toISOString();
        await this.db
            .updateTable('tickets')
            .set({ service_request_id: state.id, service_request_status: state.status, service_request_updated_at: iso, ...(changed ? { updated_at: iso } : {}) })
            .where('id', '=', ticketId)
            .execute();
    }

    /** Ids of tickets with a filed service request whose status is not one of `finalStatuses`. */
    async withOpenServiceRequests(finalStatuses: readonly string[]): Promise<number[]> {
        const rows = await this.db
            .selectFrom('tickets')
            .select('id')
            .where('service_request_id', 'is not', null)
            .where((eb) => eb.or([eb('service_request_status', 'is', null), eb('service_request_status', 'not in', [...finalStatuses])]))
            .execute();
        return rows.map((r) => r.id);
    }

    async events(ticketId: number): Promise<TicketEvent[]> {
        const rows = await this.db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
        return rows.map(toTicketEvent);
    }

    /** One event, if it belongs to this ticket. */
    async event(ticketId: number, eventId: number): Promise<TicketEvent | undefined> {
        const row = await this.db.selectFrom('ticket_events').selectAll().where('id', '=', eventId).where('ticket_id', '=', ticketId).executeTakeFirst();
        return row && toTicketEvent(row);
    }

    /** Open tickets nobody has answered yet that have a due time: the clock watches these. */
    async unanswered(): Promise<Ticket[]> {
        const rows = await this.db.selectFrom('tickets').selectAll().where('status', 'in', [...OPEN_STATUS_LIST]).where('first_response_at', 'is', null).where('due_at', 'is not', null).orderBy('due_at').execute();
        return rows.map(toTicket);
    }

    /** Resolved tickets resolved at or before `iso` (their reopen window has passed). */
    async resolvedBefore(iso: string, limit = 200): Promise<Ticket[]> {
        const rows = await this.db.selectFrom('tickets').selectAll().where('status', '=', 'resolved').where('resolved_at', '<=', iso).orderBy('id').limit(limit).execute();
        return rows.map(toTicket);
    }

    /** Open tickets, soonest due first (those without a due time last). */
    async openByDue(limit = 20): Promise<Ticket[]> {
        const rows = await this.db
            .selectFrom('tickets')
            .selectAll()
            .where('status', 'in', [...OPEN_STATUS_LIST])
            .orderBy((eb) => eb.case().when('due_at', 'is', null).then(1).else(0).end())
            .orderBy('due_at')
            .orderBy('id')
            .limit(limit)
            .execute();
        return rows.map(toTicket);
    }

    /** Open tickets assigned to an agent, oldest due first. */
    async assignedTo(aadObjectId: string, limit = 20): Promise<Ticket[]> {
        const rows = await this.db.selectFrom('tickets').selectAll().where('assignee_aad_object_id', '=', aadObjectId).where('status', 'in', [...OPEN_STATUS_LIST]).orderBy('due_at').limit(limit).execute();
        return rows.map(toTicket);
    }
}
