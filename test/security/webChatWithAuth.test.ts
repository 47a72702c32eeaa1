import assert from 'node:assert/strict';
import { AuthOnBot, TEST_APP_ID } from '../helpers/authOnBot';
import { type BotHarness, visibleText } from '../helpers/botHarness';
import { waitUntil } from '../helpers/waitUntil';
import { openWebChat } from '../helpers/webChatVisitor';

/**
 * With an app id every /api/messages request needs a Bot Framework token, which the built-in
 * Direct Line cannot have: it authenticates itself with a per-process secret instead, and only
 * for its own activities (channel directline, replies to its own connector).
 */
describe('the built-in Web Chat with Bot Framework authentication on', () => {
    let auth: AuthOnBot;
    let bot: BotHarness;
    before(async () => {
        auth = await AuthOnBot.start();
        bot = auth.bot;
    });
    after(() => auth.stop());

    it('greets the visitor and answers their message', async () => {
        const { auth, url } = await openWebChat(bot.baseUrl);
        const botSays = async (): Promise<string> => {
            const polled = (await (await fetch(url, { headers: auth })).json()) as { activities: Array<{ from: { role?: string } }> };
            return visibleText(polled.activities.filter((a) => a.from.role === 'bot') as never);
        };
        await waitUntil(async () => /support assistant/.test(await botSays()), 5000);
        assert.equal((await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Our invoice is wrong, we were billed twice for Microsoft 365' }) })).status, 200);
        await waitUntil(async () => /Here is what I understood|Which service/.test(await botSays()), 5000);
    });

    it('still refuses a channel activity without a Bot Framework token, whatever headers it carries', async () => {
        const body = JSON.stringify({ type: 'message', channelId: 'directline', serviceUrl: bot.channel.url, conversation: { id: 'forged' }, from: { id: 'u' }, recipient: { id: TEST_APP_ID }, text: 'hi' });
        const forged: Array<Record<string, string>> = [{}, { 'x-local-direct-line': 'guessed-secret' }];
        for (const headers of forged) {
            const res = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
            assert.equal(res.status, 401);
        }
        assert.deepEqual(bot.channel.take(), []);
    });
});
