import type { ChannelActivity } from '../fakes/fakeChannel';
import { choice, promptOf, visibleText, type BotHarness } from './botHarness';

export interface ChatCustomer {
    conversationId: string;
    channelId?: string;
    /** Fields every activity carries: `from`, `locale`, `channelData` (Teams tenant), ... */
    activity?: Record<string, unknown>;
    issue?: string;
    email: string;
    /** Asked only when the bot does not know it from the Teams tenant. */
    organisation?: string;
    impact?: 'critical' | 'moderate' | 'minimal';
}

/** Answers to the card questions on the way to a ticket (English flow, nothing to correct). */
const CARD_ANSWERS: Record<string, string> = { 'intake-confirm': 'yes', 'guidance-solved': 'no', 'escalation-confirm': 'confirm' };

/**
 * Drives a whole intake through the HTTP endpoint, as the customer would, until the ticket
 * is open: confirm the classification, the impact when asked, "not solved", e-mail and
 * organisation, confirm. Returns the last replies (the ticket card).
 */
export async function openTicketByChat(bot: BotHarness, customer: ChatCustomer): Promise<ChannelActivity[]> {
    const send = (fields: Record<string, unknown>) => bot.send({ ...customer.activity, ...fields }, customer.conversationId, customer.channelId);
    let replies = await send({ text: customer.issue ?? 'Our last invoice charged us twice for the Microsoft 365 Business Premium licences' });
    for (let step = 0; step < 8; step++) {
        const prompt = promptOf(replies);
        if (prompt === 'escalation-confirm') return send({ value: choice(replies, prompt, 'confirm') });
        if (prompt === 'impact') replies = await send({ value: choice(replies, prompt, customer.impact ?? 'moderate') });
        else if (prompt && CARD_ANSWERS[prompt]) replies = await send({ value: choice(replies, prompt, CARD_ANSWERS[prompt] ?? '') });
        else if (prompt) throw new Error(`openTicketByChat(): unexpected question ${prompt}:\n${visibleText(replies)}`);
        else if (/e-mail/i.test(visibleText(replies))) replies = await send({ text: customer.email });
        else if (customer.organisation) replies = await send({ text: customer.organisation });
        else throw new Error(`openTicketByChat(): stuck at:\n${visibleText(replies)}`);
    }
    throw new Error('openTicketByChat(): no ticket after 8 steps');
}
