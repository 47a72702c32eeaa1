import type { TurnContext } from 'botbuilder';
import { translator } from '../../i18n/i18n';
import type { AgentIdentity } from '../agentDirectory';
import { chatOf, t, type Desk } from './desk';

/** `end [#id]`: hands the customer (#id, else the one the agent's messages go to) back to the bot; they are asked to rate the agent's help. */
export async function endCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id?: number): Promise<void> {
    const { ctx } = desk;
    const handoff = await chatOf(desk, agent, id);
    if (!handoff) return void (await context.sendActivity(id ? t('chats.notYours', { id }) : t('notConnected')));
    const now = ctx.now().toJSDate();
    if (!(await ctx.handoffs.transition(handoff.id, 'agent', 'rating', { endedAt: now, endedBy: 'agent' }, now))) return void (await context.sendActivity(t('alreadyEnded')));
    const rating = desk.rating.card(handoff, handoff.language);
    await desk.relay.toCustomer(handoff, [{ type: 'message', text: translator(handoff.language)('handoff.agentLeft', { agent: agent.name }) }, { type: 'message', attachments: [rating.attachment] }], null);
    await context.sendActivity(t('ended', { id: handoff.id, customer: handoff.customerName ?? t('someone.theCustomer') }));
    if (handoff.ticketId) await ctx.tickets.addEvent(handoff.ticketId, 'handoff.ended', { handoff: handoff.id, by: 'agent', agent: agent.aadObjectId }, now);
    await desk.channel.refreshWaiting(handoff);
    await desk.channel.offerNext(); // the agent has room for the next customer
}
