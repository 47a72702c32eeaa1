import type { ConversationReference, TurnContext } from 'botbuilder';
import { translator } from '../../i18n/i18n';
import type { AgentIdentity } from '../agentDirectory';
import { conversationCard } from '../agentViews';
import type { Handoff } from '../handoffTypes';
import { agentChat, t, type Desk } from './desk';

function lostReason(handoff: Handoff): string {
    if (handoff.state === 'agent' || handoff.state === 'rating' || handoff.acceptedAt) return t('lost.taken', { id: handoff.id, agent: handoff.agentName ?? t('someone.anotherAgent') });
    if (handoff.hub === 'external') return t('lost.hub', { id: handoff.id });
    return t(handoff.endedBy === 'customer' ? 'lost.left' : 'lost.timedOut', { id: handoff.id });
}

/**
 * `accept [#id]`: takes the oldest waiting customer, or #id, into the agent's 1:1 chat. Of two
 * agents accepting at once exactly one wins (the database decides); the other is told who has it.
 */
export async function acceptCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id: number | undefined): Promise<void> {
    const { ctx } = desk;
    const live = await ctx.handoffs.chatsWith(agent.aadObjectId);
    if (live.length >= ctx.options.maxChatsPerAgent) return void (await context.sendActivity(t('stillWith', { count: live.length })));
    const target = id ? await ctx.handoffs.byId(id) : (await ctx.handoffs.waiting(1))[0];
    if (!target) return void (await context.sendActivity(t('nobodyWaiting')));
    const chat = await agentChat(desk, context, agent);
    if (!chat) return void (await context.sendActivity(t('cannotOpenChat')));
    const claim = await ctx.handoffs.claim(target.id, agent, ctx.now().toJSDate());
    if (!claim.won) {
        await context.sendActivity(lostReason(claim.handoff ?? target));
        if (claim.handoff) await desk.channel.refreshWaiting(claim.handoff);
        return;
    }
    const handoff = claim.handoff;
    await desk.relay.toCustomer(handoff, [{ type: 'message', text: translator(handoff.language)('handoff.joined', { agent: agent.name, partner: ctx.partner.name }) }], null);
    await openAgentChat(desk, handoff, agent, chat);
    // Taking the customer over is the ticket's first response, and makes it the agent's if nobody had it.
    if (handoff.ticketId) await ctx.work.takenOver(handoff.ticketId, { kind: 'agent', id: agent.aadObjectId, name: agent.name }, handoff.id);
    await desk.channel.refreshWaiting(handoff);
    if (context.activity.conversation?.conversationType !== 'personal') await context.sendActivity(t('tookIt', { agent: agent.name, id: handoff.id }));
}

/**
 * The chat is now the agent's (accepted or transferred to them): their messages go to it, and
 * they see who it is, the conversation so far and, after a transfer, their colleague's note.
 */
export async function openAgentChat(desk: Desk, handoff: Handoff, agent: { aadObjectId: string; name: string }, chat: Partial<ConversationReference>, intro?: string): Promise<void> {
    const { ctx } = desk;
    await ctx.agents.setFocus(agent.aadObjectId, handoff.id);
    const customer = handoff.customerName ?? t('someone.theCustomer');
    const entries = await ctx.transcript.recent(handoff.conversationId, 30);
    const card = await conversationCard(ctx, handoff, t('nowChatting', { customer, id: handoff.id }), entries, true, desk.channel.issuer({ agent: agent.aadObjectId }));
    const text = [intro, t('relayOn', { customer, id: handoff.id })].filter(Boolean).join('\n\n');
    await ctx.messenger.send(chat, [{ type: 'message', text }, { type: 'message', attachments: [card.attachment] }], 'skip');
}
