import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Actor } from '../policy/types';
import type { Database, TicketsTable } from './schema';
import { toTicket, toTicketEvent, type Ticket, type TicketEvent } from './ticket';

/** A change to a ticket, as the hooks see it; `eventId` is the ticket_events row it wrote. */
export interface TicketChange {
    type: 'created' | 'updated';
    ticket: Ticket;
    /** The ticket before the change (undefined for a new ticket). */
    previous?: Ticket;
    event: TicketEvent;
    eventId: number;
}

/**
 * What else happens when a ticket changes. `inTransaction` runs inside the transaction that
 * writes the change (the outbox rows go there, so they commit or roll back with it);
 * `afterCommit` runs once it has committed (to wake the delivery worker).
 */
export interface TicketHooks {
    inTransaction?(trx: Transaction<Database>, change: TicketChange): Promise<void>;
    afterCommit?(change: TicketChange): void;
}

/** The columns a change may set. */
export type TicketPatch = Partial<
    Pick<
        Updateable<TicketsTable>,
        | 'status'
        | 'resolution'
        | 'resolution_text'
        | 'assignee_aad_object_id'
        | 'assignee_name'
        | 'first_response_at'
        | 'first_response_by'
        | 'resolved_at'
        | 'closed_at'
        | 'description'
        | 'description_redacted'
        | 'rating'
    >
>;

/** What a change does: the columns it sets and the event that records it. */
export interface TicketEdit {
    set: TicketPatch;
    event: { type: string; data: Record<string, unknown> };
}

/** The ticket after a change, the change itself, or why the decision refused it. */
export interface ChangeResult<R extends string> {
    ticket: Ticket;
    change?: TicketChange;
    refused?: R;
}

/** Concurrent changes to one ticket retry this often before giving up. */
const ATTEMPTS = 8;

/** Writes an event row with its actor; returns it as the bot sees it. */
export async function insertEvent(trx: Kysely<Database>, ticketId: number, type: string, data: Record<string, unknown>, actor: Actor | null, iso: string): Promise<TicketEvent> {
    const row = await trx
        .insertInto('ticket_events')
        .values({ ticket_id: ticketId, type, data: JSON.stringify(data), actor_kind: actor?.kind ?? null, actor_id: actor?.id?.slice(0, 512) ?? null, actor_name: actor?.name?.slice(0, 200) ?? null, created_at: iso })
        .returning(['id', 'type', 'data', 'actor_kind', 'actor_id', 'actor_name', 'created_at'])
        .executeTakeFirstOrThrow();
    return toTicketEvent(row);
}

/**
 * Reads the ticket, lets `decide` choose the edit (or refuse it), and writes the row, its
 * event and the hooks' rows in one transaction. The row's version guards the write: when
 * another instance changed the ticket in between, the decision is taken again on what it
 * wrote. Undefined when there is no such ticket.
 */
export async function applyTicketChange<R extends string>(
    db: Kysely<Database>,
    hooks: TicketHooks,
    ticketId: number,
    actor: Actor,
    decide: (before: Ticket) => TicketEdit | R,
    now: Date,
): Promise<ChangeResult<R> | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const row = await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
        if (!row) return undefined;
        const before = toTicket(row);
        const edit = decide(before);
        if (typeof edit === 'string') return { ticket: before, refused: edit };
        const iso = now.toISOString();
        const result = await db.transaction().execute(async (trx) => {
            const updated = await trx
                .updateTable('tickets')
                .set({ ...edit.set, updated_at: iso, version: before.version + 1 })
                .where('id', '=', ticketId)
                .where('version', '=', before.version)
                .executeTakeFirst();
            if (Number(updated.numUpdatedRows) === 0) return undefined;
            const event = await insertEvent(trx, ticketId, edit.event.type, edit.event.data, actor, iso);
            const ticket = toTicket(await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow());
            const change: TicketChange = { type: 'updated', ticket, previous: before, event, eventId: event.id };
            await hooks.inTransaction?.(trx, change);
            return change;
        });
        if (!result) continue;
        hooks.afterCommit?.(result);
        return { ticket: result.ticket, change: result };
    }
    throw new Error(`applyTicketChange(): ticket ${ticketId} kept changing under ${ATTEMPTS} attempts`);
}
