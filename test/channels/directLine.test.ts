import assert from 'node:assert/strict';
import { DirectLineStore } from '../../src/channels/directLineStore';
import { RateLimiter } from '../../src/channels/rateLimiter';
import { FakeDirectLine } from '../fakes/fakeDirectLine';
import { BotHarness, visibleText } from '../helpers/botHarness';

async function json(res: Response): Promise<Record<string, unknown>> {
    return (await res.json()) as Record<string, unknown>;
}

describe('built-in Direct Line 3.0 (no Azure account)', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start();
    });
    afterEach(() => bot.stop());

    async function open(): Promise<{ token: string; conversationId: string; userId: string; auth: Record<string, string> }> {
        const issued = await json(await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' }));
        const auth = { authorization: `Bearer ${String(issued.token)}`, 'content-type': 'application/json' };
        const started = await fetch(`${bot.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth });
        assert.equal(started.status, 201);
        return { token: String(issued.token), conversationId: String(issued.conversationId), userId: String(issued.userId), auth };
    }

    it('greets, takes a message and returns the bot replies after the watermark, as strings', async () => {
        const { conversationId, userId, auth } = await open();
        assert.match(userId, /^dl_[0-9a-f]{24}$/);
        const url = `${bot.baseUrl}/v3/directline/conversations/${conversationId}/activities`;
        const first = await json(await fetch(url, { headers: auth }));
        assert.equal(typeof first.watermark, 'string');
        assert.match(visibleText(first.activities as never), /support assistant/);
        const posted = await json(await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Our invoice is wrong, we were billed twice for Microsoft 365', from: { id: 'someone-else' } }) }));
        assert.match(String(posted.id), new RegExp(`^${conversationId}\\|\\d+$`));
        const next = await json(await fetch(`${url}?watermark=${String(first.watermark)}`, { headers: auth }));
        const activities = next.activities as Array<{ from: { id: string }; text?: string }>;
        assert.equal(activities[0]?.from.id, userId, 'the user id is the one bound to the token, whatever the client claims');
        assert.match(visibleText(activities.slice(1) as never), /Here is what I understood|Which service/);
        assert.ok(Number(next.watermark) > Number(first.watermark));
    });

    it('checks the token on every call, against the conversation in the path', async () => {
        const a = await open();
        const b = await open();
        const url = (id: string) => `${bot.baseUrl}/v3/directline/conversations/${id}/activities`;
        assert.equal((await fetch(url(a.conversationId))).status, 403);
        assert.equal((await fetch(url(a.conversationId), { headers: { authorization: 'Bearer not-a-real-token-at-all' } })).status, 403);
        assert.equal((await fetch(url(a.conversationId), { headers: b.auth })).status, 403, "another conversation's token");
        assert.equal((await fetch(url(a.conversationId), { method: 'POST', headers: a.auth, body: '{"text":' })).status, 400);
    });

    it('rate-limits token requests per client', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 25; i++) statuses.push((await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' })).status);
        assert.equal(statuses.filter((s) => s === 200).length, 20);
        assert.ok(statuses.slice(20).every((s) => s === 429));
    });

    it('serves the Web Chat page and bundle from the installed package, with security headers', async () => {
        const page = await fetch(`${bot.baseUrl}/`);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /Contoso Cloud Services support/);
        assert.match(html, /<script src="\/webchat\/webchat.js"><\/script>/);
        assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
        assert.equal(page.headers.get('x-frame-options'), 'DENY');
        const embed = await fetch(`${bot.baseUrl}/embed`);
        assert.equal(embed.headers.get('x-frame-options'), null);
        const bundle = await fetch(`${bot.baseUrl}/webchat/webchat.js`);
        assert.equal(bundle.status, 200);
        assert.ok(Number(bundle.headers.get('content-length')) > 1_000_000);
        await bundle.body?.cancel();
    });
});

describe('Direct Line token exchange with Azure Bot Service (fake Direct Line)', () => {
    let fake: FakeDirectLine;
    let bot: BotHarness;
    beforeEach(async () => {
        fake = new FakeDirectLine('s3cret-direct-line');
        const endpoint = await fake.start();
        bot = await BotHarness.start({ env: { DIRECT_LINE_SECRET: 's3cret-direct-line', DIRECT_LINE_ENDPOINT: endpoint } });
    });
    afterEach(async () => {
        await bot.stop();
        await fake.stop();
    });

    it('exchanges the secret for a conversation token bound to a dl_ user, and never returns the secret', async () => {
        const res = await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' });
        const body = await res.text();
        assert.equal(res.status, 200);
        assert.doesNotMatch(body, /s3cret/);
        const parsed = JSON.parse(body) as { token: string; conversationId: string; userId: string; domain: string };
        assert.equal(parsed.token, 'azure-token-123');
        assert.equal(parsed.conversationId, 'AzureConv1');
        assert.match(parsed.domain, /\/v3\/directline$/);
        assert.equal(fake.requests[0]?.authorization, 'Bearer s3cret-direct-line');
        assert.deepEqual(fake.requests[0]?.body, { user: { id: parsed.userId } });
        assert.match(parsed.userId, /^dl_/);
    });

    it('answers 502 with a clear message when Direct Line fails', async () => {
        fake.mode = '500';
        const res = await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' });
        assert.equal(res.status, 502);
        assert.match(((await res.json()) as { error: string }).error, /unavailable/);
    });
});

describe('DirectLineStore and RateLimiter', () => {
    it('keeps memory bounded: idle conversations expire, the oldest go first, activities are capped', () => {
        let now = 0;
        const store = new DirectLineStore({ maxConversations: 3, maxActivitiesPerConversation: 5, idleMs: 1000 }, () => now);
        const first = store.create();
        store.create();
        store.create();
        store.create();
        assert.equal(store.size, 3);
        assert.equal(store.authorize(`Bearer ${first.token}`), undefined, 'the oldest was evicted');
        const c = store.create();
        const conversation = store.authorize(`Bearer ${c.token}`);
        assert.ok(conversation);
        for (let i = 0; i < 8; i++) store.append(c.conversationId, { type: 'message', text: `m${i}` });
        const all = store.since(conversation, '0');
        assert.equal(all.activities.length, 5);
        assert.equal(all.watermark, '8');
        assert.deepEqual(store.since(conversation, '6').activities.map((a) => a.text), ['m6', 'm7']);
        now = 5000;
        assert.equal(store.authorize(`Bearer ${c.token}`), undefined, 'idle conversation expired');
    });

    it('allows the limit per window and forgets old windows', () => {
        let now = 0;
        const limiter = new RateLimiter(2, 1000, 10, () => now);
        assert.deepEqual([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')], [true, true, false, true]);
        now = 1500;
        assert.equal(limiter.allow('a'), true);
    });
});
