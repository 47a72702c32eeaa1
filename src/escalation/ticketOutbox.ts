import { isOpenStatus } from '../policy/ticketLifecycle';
import { createHash } from 'node:crypto';
import type { TicketChange, TicketHooks } from '../store/ticketRepository';
import { OutboxRepository, type NewOutboxMessage } from '../outbox/outboxRepository';
import { webhookTicket, type WebhookEvent, type WebhookPayload } from '../integrations/webhooks';
import type { CustomerNoticePayload } from '../tickets/customerNoticeHandler';
import { customerHearsOf } from '../tickets/customerNoticeText';

/** What an 'agent-notice' row holds: which ticket to tell the partner's desk about. */
export interface AgentNoticePayload {
    event: 'ticket.created' | 'ticket.updated';
    ticketId: number;
    number: string;
    eventId?: number;
}

/** A short, stable tag for a receiver URL, so keys differ per receiver without showing the URL. */
function urlTag(url: string): string {
    return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

/**
 * The messages a ticket change sends: one webhook per configured URL (ticket.created or
 * ticket.updated) and, for a new open ticket, one notice to the partner's agents. Keys
 * derive from the ticket and the change's event row, so they never repeat across changes
 * and never differ for the same one.
 */
export function messagesForChange(change: TicketChange, webhookUrls: string[]): NewOutboxMessage[] {
    const { ticket } = change;
    const number = ticket.number ?? `id-${ticket.id}`;
    const event: WebhookEvent = change.type === 'created' ? 'ticket.created' : 'ticket.updated';
    const snapshot = webhookTicket(ticket);
    const what = { type: change.event.type, actor: change.event.actor?.kind ?? null, status_from: change.previous?.status ?? null, status_to: ticket.status };
    const messages: NewOutboxMessage[] = webhookUrls.map((url) => ({
        kind: 'webhook',
        idempotencyKey: `webhook/${number}/${event}/${change.eventId}/${urlTag(url)}`,
        payload: { url, event, occurred_at: ticket.updatedAt, ticket: snapshot, change: what } satisfies WebhookPayload,
        ticketId: ticket.id,
    }));
    if (customerHearsOf(change.event)) {
        messages.push({ kind: 'customer-notice', idempotencyKey: `customer-notice/${number}/${change.eventId}`, payload: { ticketId: ticket.id, eventId: change.eventId } satisfies CustomerNoticePayload, ticketId: ticket.id });
    }
    if (change.type === 'created' && isOpenStatus(ticket.status)) {
        messages.push({
            kind: 'agent-notice',
            idempotencyKey: `agent-notice/${number}/created`,
            payload: { event: 'ticket.created', ticketId: ticket.id, number } satisfies AgentNoticePayload,
            ticketId: ticket.id,
        });
    } else if (change.type !== 'created') {
        // The card already in the agents' channel is updated in place to the new state.
        messages.push({
            kind: 'agent-notice',
            idempotencyKey: `agent-notice/${number}/updated/${change.eventId}`,
            payload: { event: 'ticket.updated', ticketId: ticket.id, number, eventId: change.eventId } satisfies AgentNoticePayload,
            ticketId: ticket.id,
        });
    }
    return messages;
}

export interface TicketOutboxOptions {
    webhookUrls: string[];
    /** Wall clock for the outbox rows (not the bot's business clock). */
    now?: () => Date;
    /** Called once the change has committed: wake the worker. */
    committed?: () => void;
    /** Further messages a change causes (e.g. a Microsoft service request for Severity A). */
    extra?: (change: TicketChange) => NewOutboxMessage[];
}

/** TicketRepository hooks that write the change's messages in the ticket's own transaction. */
export function ticketOutboxHooks(options: TicketOutboxOptions): TicketHooks {
    const now = options.now ?? (() => new Date());
    return {
        async inTransaction(trx, change) {
            await new OutboxRepository(trx).enqueue([...messagesForChange(change, options.webhookUrls), ...(options.extra?.(change) ?? [])], now());
        },
        afterCommit() {
            options.committed?.();
        },
    };
}
