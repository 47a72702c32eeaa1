import { z } from 'zod';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler } from '../outbox/outboxTypes';
import { deskTranslator } from '../i18n/i18n';
import type { Ticket, TicketEvent } from '../store/ticketRepository';
import type { AgentsChannel } from './agentsChannel';
import type { HandoffContext } from './handoffContext';
import { clip } from './agentViews';
import { alertCard, ticketCard } from './ticketViews';

const AgentNoticePayloadSchema = z.object({
    event: z.enum(['ticket.created', 'ticket.updated']).default('ticket.created'),
    ticketId: z.number().int().positive(),
    number: z.string().max(64).optional(),
    /** The ticket event behind an update (messages written before it existed lack it). */
    eventId: z.number().int().positive().optional(),
});

const AgentAlertPayloadSchema = z.object({ ticketId: z.number().int().positive(), kind: z.enum(['at-risk', 'breach']), dueAt: z.string().max(40) });

/** Where the card for a ticket was posted, so a retry or a change updates it in place. */
const noticeKey = (ticketId: number): string => `ticket-notice/${ticketId}`;

const t = deskTranslator();

/** What the assignee is told in their 1:1 chat when the customer acts on their ticket. */
function assigneePing(ticket: Ticket, event: TicketEvent): string | undefined {
    if (event.actor?.kind !== 'customer') return undefined;
    const number = ticket.number ?? `#${ticket.id}`;
    const customer = ticket.customerName ?? t('someone.TheCustomer');
    let text = '';
    try {
        text = (JSON.parse(event.data) as { text?: string }).text ?? '';
    } catch {
        // no text to quote
    }
    if (event.type === 'customer-replied') return t('ping.replied', { customer, number, text: clip(text, 1000) });
    if (event.type === 'reopened') return t('ping.reopened', { customer, number });
    if (event.type === 'rated') return t('ping.rated', { customer, number, rating: ticket.rating ?? '' });
    return undefined;
}

/**
 * Delivers 'agent-notice' messages: the ticket's card in the agents' Teams channel, posted when
 * the ticket opens and updated in place on every change (a retried delivery updates the card
 * already posted instead of posting twice); without a channel, new tickets go to each agent's
 * 1:1 chat. When the customer answers, reopens or rates, the assignee also hears of it in their
 * chat. Without any agents set up there is nobody to tell and the message counts as delivered.
 */
export function createAgentNoticeHandler(ctx: HandoffContext, channel: AgentsChannel): OutboxHandler {
    let warned = false;
    return async (message) => {
        const payload = AgentNoticePayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('agent notice payload is invalid');
        const ticket = await ctx.tickets.findById(payload.data.ticketId);
        if (!ticket) throw new PermanentDeliveryError('agent notice for a ticket that does not exist');
        const event = payload.data.eventId ? await ctx.tickets.event(ticket.id, payload.data.eventId) : undefined;
        const ping = event && assigneePing(ticket, event);
        const assigneeChat = ping && ticket.assigneeAadObjectId ? await ctx.agents.chatOf(ticket.assigneeAadObjectId) : undefined;
        if (ping && assigneeChat) await ctx.messenger.send(assigneeChat, [{ type: 'message', text: ping }], 'skip');
        const reference = await channel.reference();
        if (reference) {
            const posted = await ctx.settings.get(noticeKey(ticket.id));
            if (!posted && payload.data.event === 'ticket.updated') return; // never announced (e.g. opened before the channel existed)
            try {
                const card = await ticketCard(ctx, ticket, channel.issuer(channel.audienceOf(reference)));
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
        const { agents, sent } = await channel.toAgentChats((issue) => ticketCard(ctx, ticket, issue));
        if (agents === 0 && !warned) ctx.logger.warn('tickets are not announced to agents: no agents channel and no agents');
        warned ||= agents === 0;
        if (agents > 0 && sent === 0) throw new RetryableDeliveryError('agents are configured but none has chatted with the bot and there is no agents channel');
    };
}

/**
 * Delivers 'agent-alert' messages: an unanswered ticket at risk of, or past, its due time,
 * posted to the agents' channel (else to every agent's chat). An alert whose ticket was
 * answered or closed meanwhile is dropped.
 */
export function createAgentAlertHandler(ctx: HandoffContext, channel: AgentsChannel): OutboxHandler {
    return async (message) => {
        const payload = AgentAlertPayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('agent alert payload is invalid');
        const ticket = await ctx.tickets.findById(payload.data.ticketId);
        if (!ticket) throw new PermanentDeliveryError('agent alert for a ticket that does not exist');
        if (ticket.firstResponseAt || ticket.status === 'resolved' || ticket.status === 'closed') return;
        try {
            const reference = await channel.reference();
            if (reference) {
                const card = await alertCard(ctx, ticket, payload.data.kind, channel.issuer(channel.audienceOf(reference)));
                await ctx.messenger.send(reference, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                return;
            }
            const { agents, sent } = await channel.toAgentChats((issue) => alertCard(ctx, ticket, payload.data.kind, issue));
            if (agents > 0 && sent === 0) throw new RetryableDeliveryError('no agent has a chat with the bot and there is no agents channel');
        } catch (error) {
            if (error instanceof RetryableDeliveryError) throw error;
            throw new RetryableDeliveryError(`agent alert: ${(error as Error).message.slice(0, 200)}`);
        }
    };
}
