import { z } from 'zod';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler } from '../outbox/outboxTypes';
import { ticketNoticeCard } from './agentViews';
import type { HandoffService } from './handoffService';

const AgentNoticePayloadSchema = z.object({ event: z.enum(['ticket.created', 'ticket.updated']).default('ticket.created'), ticketId: z.number().int().positive(), number: z.string().max(64).optional() });

/** Where the notice card for a ticket was posted, so a retry or a change updates it in place. */
const noticeKey = (ticketId: number): string => `ticket-notice/${ticketId}`;

/**
 * Delivers 'agent-notice' outbox messages: a card in the agents' Teams channel for a new
 * ticket (severity, due time, customer, summary, Take over, Escalate to Microsoft). A retried
 * delivery updates the card already posted instead of posting twice. Without any agents set
 * up there is nobody to tell and the message counts as delivered.
 */
export function createAgentNoticeHandler(service: HandoffService): OutboxHandler {
    let warned = false;
    return async (message) => {
        const payload = AgentNoticePayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('agent notice payload is invalid');
        const { deps } = service;
        const ticket = await deps.tickets.findById(payload.data.ticketId);
        if (!ticket) throw new PermanentDeliveryError('agent notice for a ticket that does not exist');
        const channel = await service.agentsChannel();
        if (channel) {
            const card = await ticketNoticeCard(service, ticket, service.issuer(service.channelAudience(channel)));
            const posted = await deps.settings.get(noticeKey(ticket.id));
            if (!posted && payload.data.event === 'ticket.updated') return; // never announced (e.g. opened before the channel existed)
            try {
                if (posted) await deps.messenger.update(channel, posted, { attachments: [card.attachment] });
                else {
                    const id = await deps.messenger.send(channel, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                    if (id) await deps.settings.set(noticeKey(ticket.id), id, deps.now().toJSDate());
                }
            } catch (error) {
                throw new RetryableDeliveryError(`agents channel: ${(error as Error).message.slice(0, 200)}`);
            }
            return;
        }
        if (payload.data.event === 'ticket.updated') return; // 1:1 chats get new tickets only
        const { agents, sent } = await service.toAgentChats((issue) => ticketNoticeCard(service, ticket, issue));
        if (agents === 0 && !warned) deps.logger.warn('tickets are not announced to agents: no agents channel and no agents');
        warned ||= agents === 0;
        if (agents > 0 && sent === 0) throw new RetryableDeliveryError('agents are configured but none has chatted with the bot and there is no agents channel');
    };
}
