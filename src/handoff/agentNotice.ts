import { z } from 'zod';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler } from '../outbox/outboxTypes';
import type { AgentsChannel } from './agentsChannel';
import { ticketNoticeCard } from './agentViews';
import type { HandoffContext } from './handoffContext';

const AgentNoticePayloadSchema = z.object({ event: z.enum(['ticket.created', 'ticket.updated']).default('ticket.created'), ticketId: z.number().int().positive(), number: z.string().max(64).optional() });

/** Where the notice card for a ticket was posted, so a retry or a change updates it in place. */
const noticeKey = (ticketId: number): string => `ticket-notice/${ticketId}`;

/**
 * Delivers 'agent-notice' outbox messages: a card in the agents' Teams channel for a new
 * ticket (severity, due time, customer, summary, Take over, Escalate to Microsoft). A retried
 * delivery updates the card already posted instead of posting twice. Without any agents set
 * up there is nobody to tell and the message counts as delivered.
 */
export function createAgentNoticeHandler(ctx: HandoffContext, channel: AgentsChannel): OutboxHandler {
    let warned = false;
    return async (message) => {
        const payload = AgentNoticePayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('agent notice payload is invalid');
        const ticket = await ctx.tickets.findById(payload.data.ticketId);
        if (!ticket) throw new PermanentDeliveryError('agent notice for a ticket that does not exist');
        const reference = await channel.reference();
        if (reference) {
            const posted = await ctx.settings.get(noticeKey(ticket.id));
            if (!posted && payload.data.event === 'ticket.updated') return; // never announced (e.g. opened before the channel existed)
            try {
                const card = await ticketNoticeCard(ctx, ticket, channel.issuer(channel.audienceOf(reference)));
                if (posted) await ctx.messenger.update(reference, posted, { attachments: [card.attachment] });
                else {
                    const id = await ctx.messenger.send(reference, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                    if (id) await ctx.settings.set(noticeKey(ticket.id), id, ctx.now().toJSDate());
                }
            } catch (error) {
                throw new RetryableDeliveryError(`agents channel: ${(error as Error).message.slice(0, 200)}`);
            }
            return;
        }
        if (payload.data.event === 'ticket.updated') return; // 1:1 chats get new tickets only
        const { agents, sent } = await channel.toAgentChats((issue) => ticketNoticeCard(ctx, ticket, issue));
        if (agents === 0 && !warned) ctx.logger.warn('tickets are not announced to agents: no agents channel and no agents');
        warned ||= agents === 0;
        if (agents > 0 && sent === 0) throw new RetryableDeliveryError('agents are configured but none has chatted with the bot and there is no agents channel');
    };
}
