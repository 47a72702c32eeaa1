import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { FakeOpenIdProvider } from '../fakes/fakeOpenIdProvider';
import { BotHarness, visibleText } from '../helpers/botHarness';

const APP_ID = '6f1c2a4e-8d3b-4c55-9e21-0a7b3c9d1e42';
const APP_PASSWORD = 'Q8~app-password-for-tests-only';

/**
 * With MicrosoftAppId set the CloudAdapter validates every request's JWT against the signing
 * keys from BotOpenIdMetadata, here a fake that publishes a test RSA key. A valid token's turn
 * runs with deliveryMode expectReplies, so the bot's replies come back in the HTTP response:
 * no outbound token is needed (the outbound MSAL token request to login.microsoftonline.com is
 * not exercised by these tests).
 */
describe('Bot Framework authentication with an app id', () => {
    let idp: FakeOpenIdProvider;
    let bot: BotHarness;
    let sdkConsole: sinon.SinonStub;
    let seq = 0;

    before(async () => {
        idp = new FakeOpenIdProvider();
        await idp.start();
        bot = await BotHarness.start({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, BotOpenIdMetadata: idp.metadataUrl, ALLOW_NO_TICKET_RECEIVER: 'true' } });
    });
    after(async () => {
        await bot.stop();
        await idp.stop();
    });
    // The SDK reports refused tokens with console.error; keep the output clean and look at it.
    beforeEach(() => {
        sdkConsole = sinon.stub(console, 'error');
    });
    afterEach(() => sdkConsole.restore());

    function activity(conversation: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
        return {
            type: 'message',
            id: `auth-${++seq}`,
            channelId: 'webchat',
            serviceUrl: bot.channel.url,
            conversation: { id: conversation },
            from: { id: 'user-1', name: 'Alex Kim' },
            recipient: { id: APP_ID, name: 'Support' },
            locale: 'en-US',
            text: 'hi',
            deliveryMode: 'expectReplies',
            ...extra,
        };
    }

    async function post(body: Record<string, unknown>, authorization?: string): Promise<Response> {
        return fetch(`${bot.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
            body: JSON.stringify(body),
        });
    }

    async function storedState(conversation: string): Promise<number> {
        const rows = await bot.app.database.db.selectFrom('bot_state').select('key').where('key', 'like', `%${conversation}%`).execute();
        return rows.length;
    }

    const validClaims = () => ({ aud: APP_ID, serviceurl: bot.channel.url });

    it('runs the turn for a valid channel token and answers 200 with the replies', async () => {
        const res = await post(activity('auth-valid'), `Bearer ${idp.sign(validClaims())}`);
        assert.equal(res.status, 200);
        const body = (await res.json()) as { activities: ChannelActivity[] };
        assert.match(visibleText(body.activities), /support assistant/);
        assert.ok((await storedState('auth-valid')) > 0, 'the conversation state was saved');
        assert.ok(idp.hits >= 2, 'the signing keys came from the OpenID metadata endpoint');
    });

    const refused: Array<[string, () => string | undefined]> = [
        ['no Authorization header', () => undefined],
        ['a token signed by another key under the published key id', () => `Bearer ${idp.forge(validClaims())}`],
        ['an expired token', () => `Bearer ${idp.sign({ ...validClaims(), expiresIn: -3600 })}`],
        ['a token for another bot (wrong audience)', () => `Bearer ${idp.sign({ ...validClaims(), aud: '0b0b0b0b-1111-4222-8333-444455556666' })}`],
        ['a token from another issuer', () => `Bearer ${idp.sign({ ...validClaims(), iss: 'https://issuer.attacker.example' })}`],
        ['a token for another service URL', () => `Bearer ${idp.sign({ ...validClaims(), serviceurl: 'https://smba.trafficmanager.net/emea/' })}`],
        ['a token with its signature cut off', () => `Bearer ${idp.sign(validClaims()).split('.').slice(0, 2).join('.')}.`],
        ['a token with alg none', () => `Bearer ${idp.sign(validClaims()).replace(/^[^.]+/, Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'))}`],
        ['garbage', () => 'Bearer not.a.jwt'],
        ['a valid token under another scheme', () => `Basic ${idp.sign(validClaims())}`],
    ];
    for (const [name, authorization] of refused) {
        it(`answers 401 to ${name}, and the bot does not run`, async () => {
            const conversation = `auth-refused-${seq + 1}`;
            const header = authorization();
            const res = await post(activity(conversation), header);
            assert.equal(res.status, 401);
            assert.equal(await storedState(conversation), 0, 'nothing was stored for the conversation');
            const printed = sdkConsole.getCalls().map((c) => c.args.map(String).join(' ')).join('\n');
            if (header) assert.ok(!printed.includes(header.split(' ')[1] ?? '~'), 'the token is not printed');
            assert.ok(!printed.includes(APP_PASSWORD));
        });
    }
});
