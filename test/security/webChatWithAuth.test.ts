import assert from 'node:assert/strict';
import sinon from 'sinon';
import { FakeOpenIdProvider } from '../fakes/fakeOpenIdProvider';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { waitUntil } from '../helpers/waitUntil';

const APP_ID = '6f1c2a4e-8d3b-4c55-9e21-0a7b3c9d1e42';

/**
 * With an app id every /api/messages request needs a Bot Framework token, which the built-in
 * Direct Line cannot have: it authenticates itself with a per-process secret instead, and only
 * for its own activities (channel directline, replies to its own connector).
 */
describe('the built-in Web Chat with Bot Framework authentication on', () => {
    let idp: FakeOpenIdProvider;
    let bot: BotHarness;
    let sdkConsole: sinon.SinonStub;
    before(async () => {
        idp = new FakeOpenIdProvider();
        await idp.start();
        bot = await BotHarness.start({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-password-for-tests', BotOpenIdMetadata: idp.metadataUrl } });
        sdkConsole = sinon.stub(console, 'error');
    });
    after(async () => {
        sdkConsole.restore();
        await bot.stop();
        await idp.stop();
    });

    it('greets the visitor and answers their message', async () => {
        const issued = (await (await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
        const auth = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
        assert.equal((await fetch(`${bot.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth })).status, 201);
        const url = `${bot.baseUrl}/v3/directline/conversations/${issued.conversationId}/activities`;
        const botSays = async (): Promise<string> => {
            const polled = (await (await fetch(url, { headers: auth })).json()) as { activities: Array<{ from: { role?: string } }> };
            return visibleText(polled.activities.filter((a) => a.from.role === 'bot') as never);
        };
        await waitUntil(async () => /support assistant/.test(await botSays()), 5000);
        assert.equal((await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Our invoice is wrong, we were billed twice for Microsoft 365' }) })).status, 200);
        await waitUntil(async () => /Here is what I understood|Which service/.test(await botSays()), 5000);
    });

    it('still refuses a channel activity without a Bot Framework token, whatever headers it carries', async () => {
        const body = JSON.stringify({ type: 'message', channelId: 'directline', serviceUrl: bot.channel.url, conversation: { id: 'forged' }, from: { id: 'u' }, recipient: { id: APP_ID }, text: 'hi' });
        const forged: Array<Record<string, string>> = [{}, { 'x-local-direct-line': 'guessed-secret' }];
        for (const headers of forged) {
            const res = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
            assert.equal(res.status, 401);
        }
        assert.deepEqual(bot.channel.take(), []);
    });
});
