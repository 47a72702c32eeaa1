import assert from 'node:assert/strict';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, button, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import { until } from '../helpers/waitUntil';
import { openWebChat, requestToken } from '../helpers/webChatVisitor';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const FABRIKAM_TENANT = '7c1e4b2a-9d3f-4e5a-8b6c-1d2e3f4a5b6c';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const ALEX = 'cccccccc-0000-4000-8000-000000000009';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const ALEX_CHAT = 'a:alex-personal-chat';
const MARIA_CHAT = `a:chat-${MARIA}`;

/** The newest activity of a conversation the bot posted or updated, as the client shows it now. */
function latest(bot: BotHarness, conversationId: string, match: RegExp): ChannelActivity | undefined {
    const all = [...bot.channel.history, ...bot.channel.updated].filter((a) => a.conversation?.id === conversationId && match.test(visibleText([a])));
    return all.at(-1);
}

function said(bot: BotHarness, conversationId: string): string {
    return visibleText(bot.channel.history.filter((a) => a.conversation?.id === conversationId));
}

describe('the agents’ desk works a ticket, and the customer hears back in their channel', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_ADMIN_AAD_OBJECT_IDS: MARIA } });
    });
    afterEach(() => bot.stop());

    const maria = (activity: Record<string, unknown>, conversation = MARIA_CHAT, conversationType = 'personal') =>
        bot.send({ from: { id: `29:${MARIA}`, name: 'Maria Lopez', aadObjectId: MARIA }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: conversation, conversationType, tenantId: PARTNER_TENANT }, ...activity }, conversation, 'msteams');
    const alexActivity = { from: { id: `29:${ALEX}`, name: 'Alex Kim', aadObjectId: ALEX }, channelData: { tenant: { id: FABRIKAM_TENANT } }, conversation: { id: ALEX_CHAT, conversationType: 'personal', tenantId: FABRIKAM_TENANT } };
    const alex = (activity: Record<string, unknown>) => bot.send({ ...alexActivity, ...activity }, ALEX_CHAT, 'msteams');

    /** Presses a button of the ticket's card in the agents' channel, with what Maria typed in its box. */
    async function press(title: string, text?: string): Promise<ChannelActivity[]> {
        bot.clock = bot.clock.plus({ minutes: 5 }); // agents work a while after the customer's last message
        const card = await until(() => latest(bot, AGENTS_CHANNEL, /SR-2026-000001:/));
        return maria({ value: { ...button([card], title), ...(text ? { text } : {}) }, replyToId: card.id }, AGENTS_CHANNEL, 'channel');
    }

    it('Teams: assign, reply, ask, the customer’s answer, resolve with text, rating, reopen: each reaches the customer and the card', async () => {
        await maria({ type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL, 'channel');
        await maria({ text: 'help' });
        await openTicketByChat(bot, { conversationId: ALEX_CHAT, channelId: 'msteams', activity: alexActivity, email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd' });
        await until(() => latest(bot, AGENTS_CHANNEL, /SR-2026-000001:/));

        await press('Assign to me');
        await until(() => latest(bot, AGENTS_CHANNEL, /Assigned to\nMaria Lopez/));
        await until(() => (/Maria Lopez.*is now handling your ticket \*\*SR-2026-000001\*\*/s.test(said(bot, ALEX_CHAT)) ? true : undefined));

        const empty = await press('Reply');
        assert.match(visibleText(empty), /Write the text in the card's box first/, 'a Reply with an empty box asks for the text');
        await press('Reply', 'We found a duplicate charge on the November invoice and asked for a credit note.');
        await until(() => (/duplicate charge on the November invoice/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        const ticket = (await bot.tickets())[0];
        assert.ok(ticket?.first_response_at, 'the reply is the first response');
        assert.equal(ticket?.first_response_by, 'Maria Lopez');

        await press('Waiting on customer', 'Which invoice number shows the second charge?');
        await until(() => (/Which invoice number shows the second charge\?/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        assert.equal((await bot.tickets())[0]?.status, 'waiting-customer');

        // The customer answers in their chat: it goes onto the ticket, back to Maria, who hears of it.
        const answer = await alex({ text: 'It is invoice G012345678, dated 1 November' });
        assert.match(visibleText(answer), /added .*SR-2026-000001/i);
        assert.equal((await bot.tickets())[0]?.status, 'assigned');
        await until(() => (/Alex Kim.*SR-2026-000001.*G012345678/s.test(said(bot, MARIA_CHAT)) ? true : undefined));
        await until(() => latest(bot, AGENTS_CHANNEL, /G012345678/));

        await press('Resolve', 'Microsoft issued a credit note CN-778 for the duplicate charge; it appears on your December invoice.');
        const resolved = await until(() => bot.channel.history.find((a) => a.conversation?.id === ALEX_CHAT && /credit note CN-778/.test(visibleText([a]))));
        const rating = await until(() => bot.channel.history.find((a) => a.conversation?.id === ALEX_CHAT && /How did we do/i.test(visibleText([a]))));
        assert.ok(resolved && rating);
        assert.equal((await bot.tickets())[0]?.status, 'resolved');
        assert.equal((await bot.tickets())[0]?.resolution_text, 'Microsoft issued a credit note CN-778 for the duplicate charge; it appears on your December invoice.');

        const thanks = await alex({ value: button([rating], /5/), replyToId: rating.id });
        assert.match(visibleText(thanks), /thank/i);
        assert.equal((await bot.tickets())[0]?.rating, 5);
        await until(() => (/rated .*SR-2026-000001.* 5/s.test(said(bot, MARIA_CHAT)) ? true : undefined));

        const reopened = await alex({ text: 'reopen SR-2026-000001, the credit note is missing' });
        assert.match(visibleText(reopened), /reopened/i);
        assert.equal((await bot.tickets())[0]?.status, 'assigned');
        await until(() => (/Alex Kim.*reopened.*SR-2026-000001/s.test(said(bot, MARIA_CHAT)) ? true : undefined));
        await until(() => latest(bot, AGENTS_CHANNEL, /Assigned · /));
    });

    it('Teams: typed ticket commands name the ticket; a customer typing them changes nothing', async () => {
        await maria({ text: 'help' });
        await openTicketByChat(bot, { conversationId: ALEX_CHAT, channelId: 'msteams', activity: alexActivity, email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd' });
        const hijack = await alex({ text: 'resolve SR-2026-000001 it is fine' });
        assert.doesNotMatch(visibleText(hijack), /resolved/i);
        assert.equal((await bot.tickets())[0]?.status, 'new');

        assert.match(visibleText(await maria({ text: 'assign SR-2026-000001' })), /SR-2026-000001 is now assigned to Maria Lopez/);
        assert.match(visibleText(await maria({ text: 'mine' })), /SR-2026-000001/);
        assert.match(visibleText(await maria({ text: 'resolve SR-2026-000001' })), /type \*\*resolve SR-2026-000001\*\* followed by the text/, 'resolve without text asks for it');
        assert.match(visibleText(await maria({ text: 'resolve SR-2026-000001 Duplicate charge credited.' })), /Resolved SR-2026-000001; the customer has been told/);
        assert.equal((await bot.tickets())[0]?.status, 'resolved');
        assert.match(visibleText(await maria({ text: 'reopen SR-2026-000099' })), /There is no ticket SR-2026-000099/);
        await until(() => (/Duplicate charge credited/.test(said(bot, ALEX_CHAT)) ? true : undefined));
    });

    it('Web Chat: a visitor whose page was closed hears of the resolution on their next visit, once', async () => {
        const visitorKey = 'k'.repeat(40);
        const { userId } = (await (await requestToken(bot.baseUrl, visitorKey)).json()) as { userId: string };
        const web = { from: { id: userId, name: 'Alex Kim' } };
        await openTicketByChat(bot, { conversationId: 'web-first-visit', channelId: 'directline', activity: web, email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd' });
        await maria({ text: 'help' });
        assert.match(visibleText(await maria({ text: 'resolve SR-2026-000001 The duplicate charge was credited.' })), /resolved/i);
        await new Promise((resolve) => setTimeout(resolve, 300));

        // The next visit, from the same browser: a new conversation that starts with the news.
        const visit = await openWebChat(bot.baseUrl, visitorKey);
        assert.equal(visit.userId, userId, 'the same browser is the same visitor');
        const shown = await until(async () => {
            const res = await fetch(visit.url, { headers: visit.auth });
            const { activities } = (await res.json()) as { activities: ChannelActivity[] };
            const text = visibleText(activities.filter((a) => (a.from as { id?: string } | undefined)?.id !== userId));
            return /SR-2026-000001/.test(text) ? text : undefined;
        });
        assert.match(shown, /SR-2026-000001.*resolved/is);
        assert.match(shown, /The duplicate charge was credited\./);

        const again = await openWebChat(bot.baseUrl, visitorKey);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const { activities } = (await (await fetch(again.url, { headers: again.auth })).json()) as { activities: ChannelActivity[] };
        assert.doesNotMatch(visibleText(activities), /SR-2026-000001/, 'shown once');

        const stranger = await openWebChat(bot.baseUrl, 's'.repeat(40));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const other = (await (await fetch(stranger.url, { headers: stranger.auth })).json()) as { activities: ChannelActivity[] };
        assert.doesNotMatch(visibleText(other.activities), /SR-2026-000001/, 'another browser hears nothing of it');
    });
});
