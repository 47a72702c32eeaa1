import assert from 'node:assert/strict';
import { RecentActivityIds } from '../../src/http/recentActivities';
import { AuthOnBot, TEST_APP_ID } from '../helpers/authOnBot';
import { BotHarness, button, visibleText } from '../helpers/botHarness';

/** Channels retry an activity they think was lost; a retry must not run its turn again. */
describe('replayed activities', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start();
    });
    after(() => bot.stop());

    const activity = (id: string, conversation: string, extra: Record<string, unknown> = {}) =>
        JSON.stringify({ type: 'message', id, channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: conversation }, from: { id: 'user-1', name: 'Alex Kim' }, recipient: { id: 'bot' }, locale: 'en-US', text: 'hi', ...extra });

    it('answers the same message activity posted twice with 200 both times, and replies once', async () => {
        bot.channel.take();
        assert.equal((await bot.post(activity('retry-1', 'replayed'))).status, 200);
        const first = bot.channel.take();
        assert.match(visibleText(first), /support assistant/);
        assert.equal((await bot.post(activity('retry-1', 'replayed'))).status, 200);
        assert.deepEqual(bot.channel.take(), [], 'no second reply');
    });

    it('runs the same activity id in another conversation or channel', async () => {
        bot.channel.take();
        assert.equal((await bot.post(activity('retry-2', 'conversation-a'))).status, 200);
        assert.equal((await bot.post(activity('retry-2', 'conversation-b'))).status, 200);
        assert.equal((await bot.post(JSON.stringify({ ...(JSON.parse(activity('retry-2', 'conversation-a')) as object), channelId: 'directline' }))).status, 200);
        assert.equal(bot.channel.take().filter((r) => /support assistant/.test(visibleText([r]))).length, 3, 'three greetings');
    });

    it('opens one ticket and says so once when the click that opens it is retried', async () => {
        const conversation = 'retried-ticket';
        const understood = await bot.describe('Our invoice for October is wrong, we were billed for 40 licences instead of 30', { product: 'microsoft365' }, conversation);
        // No article answers a wrong invoice: the bot goes straight to the contact details.
        const contact = await bot.click(button(understood, "Yes, that's right"), conversation);
        assert.match(visibleText(contact), /Which e-mail address/);
        await bot.say('alex@fabrikam.example', conversation);
        const summary = await bot.say('Fabrikam Ltd', conversation);
        bot.channel.take();
        const click = activity('open-ticket-click', conversation, { text: undefined, value: button(summary, 'Open the ticket') });
        assert.equal((await bot.post(click)).status, 200);
        const opened = bot.channel.take();
        assert.match(visibleText(opened), /Your ticket \*\*SR-2026-000001\*\*/);
        assert.equal((await bot.post(click)).status, 200);
        assert.deepEqual(bot.channel.take(), [], 'no second message about the ticket');
        assert.equal((await bot.tickets()).length, 1);
    });
});

describe('replay memory with authentication on', () => {
    let auth: AuthOnBot;
    before(async () => {
        auth = await AuthOnBot.start();
    });
    after(() => auth.stop());

    it('records an activity id only after authentication: a forged copy sent first does not suppress the real one', async () => {
        const { bot } = auth;
        const body = JSON.stringify({ type: 'message', id: 'guessable-id', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: 'victim' }, from: { id: 'u' }, recipient: { id: TEST_APP_ID }, locale: 'en-US', text: 'hi', deliveryMode: 'expectReplies' });
        const post = (authorization?: string) => fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
        assert.equal((await post()).status, 401);
        const res = await post(`Bearer ${auth.token()}`);
        assert.equal(res.status, 200);
        assert.match(visibleText(((await res.json()) as { activities: never[] }).activities), /support assistant/);
    });
});

describe('RecentActivityIds', () => {
    it('keeps the last ids of the most recently active conversations only', () => {
        const recent = new RecentActivityIds(2, 2);
        assert.deepEqual(['a1', 'a2', 'a1'].map((id) => recent.claim('a', id)), [true, true, false]);
        recent.claim('a', 'a3');
        assert.equal(recent.claim('a', 'a1'), true, 'only the last two ids of a conversation are kept');
        recent.claim('b', 'b1');
        recent.claim('c', 'c1');
        assert.equal(recent.claim('a', 'a3'), true, 'the least recently active conversation was forgotten');
        recent.release('c', 'c1');
        assert.equal(recent.claim('c', 'c1'), true, 'a released id runs again');
    });
});
