import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { acceptCommand } from './acceptCommand';
import { t, type Desk } from './desk';

/** Take over (a ticket card's button): joins a waiting customer, or opens the chat with the ticket's customer. */
export async function takeOverCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, ticketId: number): Promise<void> {
    const { ctx } = desk;
    const ticket = await ctx.tickets.findById(ticketId);
    if (!ticket) return void (await context.sendActivity(t('noSuchTicket', { id: ticketId })));
    const live = await ctx.handoffs.live(ticket.conversationId);
    if (live?.state === 'waiting' && live.hub === 'builtin') return acceptCommand(desk, context, agent, live.id);
    if (live) return void (await context.sendActivity(live.state === 'agent' ? t('alreadyWithAgent', { ticket: ticket.number ?? t('card.fact.ticket'), agent: live.agentName ?? t('someone.anAgent') }) : t('finishingChat')));
    const reference = await ctx.transcript.reference(ticket.conversationId);
    if (!reference) return void (await context.sendActivity(t('cannotReach')));
    const { handoff } = await ctx.handoffs.enqueue(
        {
            conversationId: ticket.conversationId,
            channelId: ticket.channelId,
            hub: 'builtin',
            reason: 'agent-initiated',
            language: ticket.language,
            customerName: ticket.customerName,
            customerOrganisation: ticket.customerOrganisation,
            ticketId: ticket.id,
            summary: ticket.title,
            customerReference: reference,
        },
        ctx.now().toJSDate(),
    );
    return acceptCommand(desk, context, agent, handoff.id);
}
