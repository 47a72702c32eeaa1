import { answeredStatus, checkMove, isOpenStatus, reopenedStatus, type LifecycleRefusal } from '../policy/ticketLifecycle';
import type { Actor, TicketStatus } from '../policy/types';
import type { Ticket, TicketEdit, TicketHooks, TicketPatch, TicketRepository } from '../store/ticketRepository';

/** What became of an action on a ticket. */
export type ActionResult = { ok: true; ticket: Ticket } | { ok: false; reason: LifecycleRefusal | 'not-found'; ticket?: Ticket };

/** More to write in the transaction of the change (see TicketRepository.change). */
export type Alongside = TicketHooks['inTransaction'];

export interface TicketActionsOptions {
    /** Days after its resolution a customer may still reopen a ticket. */
    reopenDays: number;
    now: () => Date;
}

/** Longest public reply, question or resolution text kept on a ticket event. */
export const MAX_TICKET_TEXT = 4000;

/** The agent who answers: recorded as the first response when nobody answered before. */
function firstResponse(before: Ticket, actor: Actor, iso: string): TicketPatch {
    if (before.firstResponseAt || (actor.kind !== 'agent' && actor.kind !== 'psa')) return {};
    return { first_response_at: iso, first_response_by: actor.name ?? actor.id ?? actor.kind };
}

/** An agent who answers an unassigned ticket takes it. */
function takes(before: Ticket, actor: Actor, moving = false): TicketPatch {
    if (actor.kind !== 'agent' || before.assigneeAadObjectId || !actor.id) return {};
    return { assignee_aad_object_id: actor.id, assignee_name: actor.name ?? null, ...(before.status === 'new' && !moving ? { status: 'assigned' as const } : {}) };
}

function clipText(text: string): string {
    return text.trim().slice(0, MAX_TICKET_TEXT);
}

/**
 * What agents, the partner's PSA and customers do to a ticket: assign, reply, wait on the
 * customer, hand to Microsoft, resolve, reopen, close. Each is one change with its event and
 * actor (see TicketRepository.change), so webhooks, the agents' card and the customer's
 * notices follow from the same place whoever acted.
 */
export class TicketActions {
    constructor(
        private readonly tickets: TicketRepository,
        private readonly options: TicketActionsOptions,
    ) {}

    /** Assigns the ticket (null: back to the desk, status new). */
    assign(ticketId: number, actor: Actor, assignee: { aadObjectId: string; name: string } | null): Promise<ActionResult> {
        return this.run(ticketId, actor, (before) => {
            if (!isOpenStatus(before.status)) return 'closed';
            if ((before.assigneeAadObjectId ?? null) === (assignee?.aadObjectId ?? null)) return 'unchanged';
            const status: TicketStatus = assignee ? (before.status === 'new' ? 'assigned' : before.status) : 'new';
            return {
                set: { assignee_aad_object_id: assignee?.aadObjectId ?? null, assignee_name: assignee?.name ?? null, status },
                event: { type: 'assigned', data: { from: before.assigneeName, to: assignee?.name ?? null, toId: assignee?.aadObjectId ?? null, status: { from: before.status, to: status } } },
            };
        });
    }

    /** A public reply to the customer (it reaches them, and counts as the first response). */
    reply(ticketId: number, actor: Actor, text: string, alongside?: Alongside): Promise<ActionResult> {
        const said = clipText(text);
        return this.run(
            ticketId,
            actor,
            (before) => {
                if (!said) return 'needs-text';
                if (!isOpenStatus(before.status)) return 'closed';
                return { set: { ...firstResponse(before, actor, this.iso()), ...takes(before, actor) }, event: { type: 'replied', data: { text: said } } };
            },
            alongside,
        );
    }

    /** An agent took the customer's conversation over: the first response, and the ticket is theirs if nobody had it. */
    takenOver(ticketId: number, actor: Actor, handoffId: number): Promise<ActionResult> {
        return this.run(ticketId, actor, (before) => ({ set: { ...firstResponse(before, actor, this.iso()), ...(isOpenStatus(before.status) ? takes(before, actor) : {}) }, event: { type: 'taken-over', data: { handoff: handoffId } } }));
    }

    /** Waiting on the customer, with the question they are asked (it reaches them). */
    waitOnCustomer(ticketId: number, actor: Actor, question: string): Promise<ActionResult> {
        return this.move(ticketId, actor, 'waiting-customer', question);
    }

    /** Filed with (or handed to) Microsoft. */
    withMicrosoft(ticketId: number, actor: Actor, note = ''): Promise<ActionResult> {
        return this.move(ticketId, actor, 'with-microsoft', note);
    }

    /** Resolved, with what the customer is told. */
    resolve(ticketId: number, actor: Actor, resolution: string): Promise<ActionResult> {
        return this.move(ticketId, actor, 'resolved', resolution);
    }

    /** Back to work: by an agent or the PSA any time, by the customer within the reopen window of a resolved ticket. */
    reopen(ticketId: number, actor: Actor, reason = ''): Promise<ActionResult> {
        return this.run(ticketId, actor, (before) => {
            if (isOpenStatus(before.status)) return 'unchanged';
            return this.moveEdit(before, actor, reopenedStatus(before), reason);
        });
    }

    /** Closed for good (the clock closes resolved tickets once the reopen window passed). */
    close(ticketId: number, actor: Actor): Promise<ActionResult> {
        return this.move(ticketId, actor, 'closed', '');
    }

    /** Any status, as the partner's PSA or a typed command names it; reopening goes through `reopen`. */
    setStatus(ticketId: number, actor: Actor, to: TicketStatus, text = '', alongside?: Alongside): Promise<ActionResult> {
        return this.run(ticketId, actor, (before) => this.moveEdit(before, actor, to, text), alongside);
    }

    /**
     * The customer's words on an open ticket: an answer while the desk waited on them (the
     * ticket goes back to its agent), or what is still wrong after they reopened it.
     */
    customerReplied(ticketId: number, actor: Actor, text: string): Promise<ActionResult> {
        const said = clipText(text);
        return this.run(ticketId, actor, (before) => {
            if (!said) return 'needs-text';
            if (!isOpenStatus(before.status)) return 'closed';
            const status = before.status === 'waiting-customer' ? answeredStatus(before) : before.status;
            return { set: { status }, event: { type: 'customer-replied', data: { text: said, from: before.status, to: status } } };
        });
    }

    private move(ticketId: number, actor: Actor, to: TicketStatus, text: string): Promise<ActionResult> {
        return this.run(ticketId, actor, (before) => this.moveEdit(before, actor, to, text));
    }

    /** The edit that moves a ticket to `to`, or why it may not. */
    private moveEdit(before: Ticket, actor: Actor, to: TicketStatus, text: string): TicketEdit | LifecycleRefusal {
        const now = this.options.now();
        const refusal = checkMove(before, to, actor, now, this.options.reopenDays);
        if (refusal) return refusal;
        const said = clipText(text);
        if ((to === 'resolved' || to === 'waiting-customer') && !said) return 'needs-text';
        const iso = now.toISOString();
        const reopening = !isOpenStatus(before.status) && isOpenStatus(to);
        const answers = to === 'resolved' || to === 'waiting-customer';
        const set: TicketPatch = {
            status: to,
            ...(answers ? { ...firstResponse(before, actor, iso), ...takes(before, actor, true) } : {}),
            ...(to === 'resolved' ? { resolved_at: iso, resolution: actor.kind === 'psa' ? 'psa' : 'agent', resolution_text: said, closed_at: null } : {}),
            ...(to === 'closed' ? { closed_at: iso } : {}),
            ...(reopening ? { closed_at: null } : {}),
        };
        // Reopened to ask the customer something: the customer hears the question (a status change), not only that it reopened.
        const type = reopening && to !== 'waiting-customer' ? 'reopened' : to === 'resolved' ? 'resolved' : to === 'closed' ? 'closed' : 'status-changed';
        return { set, event: { type, data: { from: before.status, to, ...(said ? { text: said } : {}) } } };
    }

    private async run(ticketId: number, actor: Actor, decide: (before: Ticket) => TicketEdit | LifecycleRefusal, alongside?: Alongside): Promise<ActionResult> {
        const result = await this.tickets.change(ticketId, actor, decide, this.options.now(), alongside);
        if (!result) return { ok: false, reason: 'not-found' };
        return result.refused ? { ok: false, reason: result.refused, ticket: result.ticket } : { ok: true, ticket: result.ticket };
    }

    private iso(): string {
        return this.options.now().toISOString();
    }
}
