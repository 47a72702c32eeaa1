import type { TurnContext } from 'botbuilder';
import { translator } from '../../i18n/i18n';
import type { AgentIdentity } from '../agentDirectory';
import { t, type Desk } from './desk';

/** `end`: hands the customer back to the bot; they are asked to rate the agent's help. */
export async function endCommand(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<void> {
    const { ctx } = desk;
    const handoff = await ctx.handoffs.withAgent(agent.aadObjectId);
    if (!handoff) return void (await context.sendActivity(t('notConnected')));
    const now = ctx.now().toJSDate();
    if (!(await ctx.handoffs.transition(handoff.id, 'agent', 'rating', { endedAt: now, endedBy: 'agent' }, now))) return void (await context.sendActivity(t('alreadyEnded')));
    const rating = desk.rating.card(handoff, handoff.language);
    await desk.relay.toCustomer(handoff, [{ type: 'message', text: translator(handoff.language)('handoff.agentLeft', { agent: agent.name }) }, { type: 'message', attachments: [rating.attachment] }], null);
    await context.sendActivity(t('ended', { id: handoff.id, customer: handoff.customerName ?? t('someone.theCustomer') }));
    if (handoff.ticketId) await ctx.tickets.addEvent(handoff.ticketId, 'handoff.ended', { handoff: handoff.id, by: 'agent', agent: agent.aadObjectId }, now);
    await desk.channel.refreshWaiting(handoff);
}
