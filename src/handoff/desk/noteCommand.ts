import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { chatOf, t, type Desk } from './desk';

/** `note text`: a note on the current customer's ticket (and in the transcript, never leaving the partner). */
export async function noteCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, text: string): Promise<void> {
    const { ctx } = desk;
    const handoff = await chatOf(desk, agent);
    if (!handoff) return void (await context.sendActivity(t('noteNeedsCustomer')));
    const now = ctx.now().toJSDate();
    await ctx.transcript.append([{ conversationId: handoff.conversationId, role: 'note', author: agent.name, text, textRedacted: '[agent note]', attachments: [], createdAt: now.toISOString() }]);
    if (handoff.ticketId) await ctx.tickets.addEvent(handoff.ticketId, 'agent.note', { agent: agent.aadObjectId, name: agent.name, text }, now);
    await context.sendActivity(handoff.ticketId ? t('noteAdded') : t('noteAddedNoTicket'));
}
