import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { conversationCard } from '../agentViews';
import { chatOf, issuerFor, replyCard, t, type Desk } from './desk';

/** `transcript [#id]`: the conversation so far, of #id or of the agent's current customer. */
export async function transcriptCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id: number | undefined): Promise<void> {
    const { ctx } = desk;
    const handoff = id ? await ctx.handoffs.byId(id) : await chatOf(desk, agent);
    if (!handoff) return void (await context.sendActivity(id ? t('noSuchTakeover', { id }) : t('sayWhich')));
    const entries = await ctx.transcript.recent(handoff.conversationId, 50);
    await replyCard(context, await conversationCard(ctx, handoff, t('transcriptTitle', { id: handoff.id, customer: handoff.customerName ?? t('someone.customer').toLowerCase() }), entries, false, issuerFor(desk, context, agent)));
}
