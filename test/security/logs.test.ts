import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createLogger } from '../../src/logger';
import { FakeOpenIdProvider } from '../fakes/fakeOpenIdProvider';
import { BotHarness, button, visibleText } from '../helpers/botHarness';

const SECRETS = {
    MicrosoftAppPassword: 'Zq8~app-secret-value-0123456789',
    DIRECT_LINE_SECRET: 'dl-secret.AbCdEfGhIjKlMnOp',
    AZURE_LANGUAGE_KEY: 'f00dbabe0123456789abcdef01234567',
};
const PSA_KEY = 'psa-Kx7Lm2Nq9Rs4Tv6Wy8Za1Bc3De5Fg0Hj';
const PSA_COMMENT = 'Technician Jordan will call you back this afternoon';
const NAME = 'Alex Kim';
const EMAIL = 'zofia.private@fabrikam.example';
const ORGANISATION = 'Wisniewska Holdings';
const PHONE = '+34 612 345 678';
const PASSWORD_LIKE = 'Hunter2!Passw0rd';
const CONVERSATION = 'conv-7f3a9c2e-private';

/** Every log line the app wrote at the most verbose level, plus what the SDK printed. */
class CapturedLogs {
    readonly lines: string[] = [];
    readonly logger = createLogger('trace', { write: (line: string) => void this.lines.push(line) });
    readonly console = sinon.stub(console, 'error');

    text(): string {
        return [...this.lines, ...this.console.getCalls().map((c) => c.args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '))].join('\n');
    }

    assertClean(forbidden: string[]): void {
        const all = this.text();
        for (const value of forbidden) assert.ok(!all.includes(value), `the logs contain "${value}":\n${all}`);
    }
}

describe('logs carry no secrets or personal data', () => {
    let logs: CapturedLogs;
    beforeEach(() => {
        logs = new CapturedLogs();
    });
    afterEach(() => logs.console.restore());

    it('a whole conversation to a ticket, and a turn whose reply cannot be delivered', async () => {
        const bot = await BotHarness.start({ env: { ...SECRETS, PSA_API_KEYS: `autotask:tickets:read+tickets:comment:${PSA_KEY}`, LOG_LEVEL: 'trace' }, logger: logs.logger });
        try {
            await bot.say('hi', CONVERSATION);
            const understood = await bot.describe(`Outlook keeps asking for my password since this morning, I already tried ${PASSWORD_LIKE}, reachable at ${PHONE}`, { kind: 'break-fix', product: 'microsoft365' }, CONVERSATION);
            const impact = await bot.click(button(understood, "Yes, that's right"), CONVERSATION);
            const severity = await bot.click(button(impact, 'Critical'), CONVERSATION);
            await bot.click(button(severity, /No, I still need help/), CONVERSATION);
            await bot.say(EMAIL, CONVERSATION);
            const summary = await bot.say(ORGANISATION, CONVERSATION);
            const done = await bot.click(button(summary, 'Open the ticket'), CONVERSATION);
            assert.match(visibleText(done), /Your ticket \*\*SR-2026-000001\*\*/);
            const [ticket] = await bot.tickets();
            assert.equal(ticket?.customer_email, EMAIL, 'the data reached the ticket, so it went through the code that logs');
            // A reply the channel cannot take: the turn fails and is logged.
            const res = await bot.post(JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9', conversation: { id: CONVERSATION }, from: { id: 'user-1', name: NAME }, recipient: { id: 'bot' }, text: `my email is ${EMAIL}` }));
            assert.ok(res.status < 500);
            // The partner's PSA reads and comments, once with its key in the URL, once with a wrong key.
            const psa = `${bot.baseUrl}/api/psa/v1/tickets/SR-2026-000001`;
            const auth = { authorization: `Bearer ${PSA_KEY}` };
            assert.equal((await fetch(psa, { headers: auth })).status, 200);
            const commented = await fetch(`${psa}/comments`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'log-1' }, body: JSON.stringify({ text: PSA_COMMENT }) });
            assert.equal(commented.status, 201);
            assert.equal((await fetch(`${psa}?api_key=${PSA_KEY}`)).status, 400);
            assert.equal((await fetch(psa, { headers: { authorization: `Bearer ${PSA_KEY}x` } })).status, 401);
        } finally {
            await bot.stop();
        }
        assert.ok(logs.lines.some((l) => l.includes('"route":"/api/messages"')), 'requests were logged');
        assert.ok(logs.lines.some((l) => l.includes('turn failed')), 'the failed turn was logged');
        if (process.env.SHOW_LOGS) process.stdout.write(logs.text());
        assert.ok(logs.lines.some((l) => l.includes('psa api change')), 'the PSA comment was logged');
        logs.assertClean([...Object.values(SECRETS), PSA_KEY, PSA_COMMENT, NAME, EMAIL, ORGANISATION, PHONE, PASSWORD_LIKE, 'Outlook keeps asking', CONVERSATION]);
    });

    it('authenticated and refused requests: neither the token nor the app password is logged', async () => {
        const idp = new FakeOpenIdProvider();
        await idp.start();
        const appId = '3d9e6b1a-2f4c-4a8b-9c7d-5e6f7a8b9c0d';
        const bot = await BotHarness.start({ env: { MicrosoftAppId: appId, MicrosoftAppPassword: SECRETS.MicrosoftAppPassword, BotOpenIdMetadata: idp.metadataUrl, LOG_LEVEL: 'trace', ALLOW_NO_TICKET_RECEIVER: 'true' }, logger: logs.logger });
        const tokens = [idp.sign({ aud: appId, serviceurl: bot.channel.url }), idp.forge({ aud: appId, serviceurl: bot.channel.url }), idp.sign({ aud: appId, serviceurl: bot.channel.url, expiresIn: -600 })];
        try {
            for (const token of tokens) {
                const body = { type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: CONVERSATION }, from: { id: 'user-1', name: NAME }, recipient: { id: appId }, text: `hi, I am ${NAME}`, deliveryMode: 'expectReplies' };
                await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
            }
        } finally {
            await bot.stop();
            await idp.stop();
        }
        assert.ok(logs.lines.filter((l) => l.includes('"status":401')).length === 2, 'the two refused requests were logged');
        logs.assertClean([SECRETS.MicrosoftAppPassword, NAME, CONVERSATION, ...tokens, ...tokens.map((t) => t.split('.')[2] ?? '~')]);
    });
});
