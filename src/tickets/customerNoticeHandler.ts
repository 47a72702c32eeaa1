import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Messenger } from '../channels/messenger';
import type { Logger } from '../logger';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler } from '../outbox/outboxTypes';
import type { TicketRepository } from '../store/ticketRepository';
import type { TranscriptRepository } from '../transcript/transcriptRepository';
import type { CustomerNoticeRepository } from './customerNoticeRepository';
import { customerHearsOf, noticeActivities, type NoticeContext } from './customerNoticeText';

/** What a 'customer-notice' outbox row holds: which event of which ticket to tell the customer about. */
export const CustomerNoticePayloadSchema = z.object({ ticketId: z.number().int().positive(), eventId: z.number().int().positive() });
export type CustomerNoticePayload = z.infer<typeof CustomerNoticePayloadSchema>;

/**
 * Whether the customer has a conversation open right now: true or false where the channel
 * can tell (the built-in Direct Line sees the page polling), undefined where it cannot.
 */
export type ConversationPresence = (channelId: string, conversationId: string) => boolean | undefined;

export interface CustomerNoticeDeps {
    tickets: TicketRepository;
    notices: CustomerNoticeRepository;
    transcript: TranscriptRepository;
    messenger: Messenger;
    presence: ConversationPresence;
    context: NoticeContext;
    logger: Logger;
    now: () => Date;
}

/**
 * Delivers 'customer-notice' messages: an agent's reply, a status change or a resolution
 * reaches the customer in their language and channel. Teams gets it in the customer's chat
 * (the stored conversation reference); Web Chat gets it in the open conversation when the
 * page is there, and otherwise on the customer's next visit (the notice stays unseen until
 * then). Where the channel cannot tell whether the page is open, the message is posted and
 * still shown on a later visit unless the customer writes in that conversation first.
 */
export function createCustomerNoticeHandler(deps: CustomerNoticeDeps): OutboxHandler {
    return async (message) => {
        const payload = CustomerNoticePayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('customer notice payload is invalid');
        const ticket = await deps.tickets.findById(payload.data.ticketId);
        const event = ticket && (await deps.tickets.event(ticket.id, payload.data.eventId));
        if (!ticket || !event) throw new PermanentDeliveryError('customer notice for a ticket event that does not exist');
        if (!customerHearsOf(event)) return;
        const notice = await deps.notices.record({ ticketId: ticket.id, eventId: event.id, conversationId: ticket.conversationId, channelId: ticket.channelId, userId: ticket.customerUserId }, deps.now());
        if (notice.shownAt) return; // shown on a visit before this delivery ran
        const teams = ticket.channelId === 'msteams';
        const live = teams || deps.presence(ticket.channelId, ticket.conversationId);
        if (live === false) return; // the page is closed: their next visit shows it
        const stored = await deps.transcript.reference(ticket.conversationId);
        if (!stored) return;
        try {
            await deps.messenger.send(JSON.parse(stored) as Partial<ConversationReference>, noticeActivities(ticket, event, ticket.channelId, deps.context), { role: 'bot', author: null });
        } catch (error) {
            // Teams has no other way to reach the customer: retry. A Web Chat conversation that is gone keeps the notice for the next visit.
            if (teams) throw new RetryableDeliveryError(`customer notice: ${(error as Error).message.slice(0, 200)}`);
            deps.logger.info({ ticket: ticket.id }, 'customer notice kept for the next visit: the conversation could not be reached');
            return;
        }
        await deps.notices.sent(notice.id, deps.now(), live === true);
    };
}
