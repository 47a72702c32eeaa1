import assert from 'node:assert/strict';
import { DirectLineLimitError, DirectLineStore } from '../../src/channels/directLineStore';
import { BotHarness } from '../helpers/botHarness';
import { openWebChat, requestToken, startConversation, type WebChatVisitor } from '../helpers/webChatVisitor';

/** A visitor, or the refusal of its token. */
async function visit(bot: BotHarness): Promise<WebChatVisitor | Response> {
    const issued = await requestToken(bot.baseUrl);
    return issued.status === 200 ? startConversation(bot.baseUrl, issued) : issued;
}

const post = (v: WebChatVisitor, activity: Record<string, unknown>) => fetch(v.url, { method: 'POST', headers: v.auth, body: JSON.stringify({ type: 'message', ...activity }) });
/** An activity of about `kb` kilobytes (the text is capped at 20,000 characters, a card value is not). */
const sized = (kb: number) => ({ text: 'attached', value: { notes: 'n'.repeat(kb * 1024) } });

describe('built-in Direct Line memory bounds (bytes)', () => {
    let bot: BotHarness;
    const MAX_BYTES = 1024 * 1024;
    before(async () => {
        bot = await BotHarness.start({ env: { DIRECT_LINE_MAX_BYTES: String(MAX_BYTES), CLIENT_RATE_LIMIT_PER_MINUTE: '100000', TOKEN_RATE_LIMIT_PER_MINUTE: '10000' } });
    });
    after(() => bot.stop());

    it('refuses an activity over 64 KB with a Direct Line 413', async () => {
        const v = await openWebChat(bot.baseUrl);
        const res = await post(v, sized(70));
        assert.equal(res.status, 413);
        assert.deepEqual(Object.keys(((await res.json()) as { error: { code: string; message: string } }).error).sort(), ['code', 'message']);
        assert.equal((await fetch(v.url, { headers: v.auth })).status, 200);
    });

    it('keeps many conversations posting large activities under the total bound, refusing with 503 and Retry-After when full', async function () {
        this.timeout(60_000);
        const statuses: number[] = [];
        let refused: Response | undefined;
        for (let i = 0; i < 12 && !refused; i++) {
            const v = await visit(bot);
            if (v instanceof Response) {
                refused = v;
                break;
            }
            for (let j = 0; j < 3; j++) {
                const res = await post(v, sized(60));
                statuses.push(res.status);
                assert.ok(bot.app.directLine.store.bytes <= MAX_BYTES, `tracked ${bot.app.directLine.store.bytes} bytes`);
                if (res.status === 503) refused = res;
                else await res.arrayBuffer();
                if (refused) break;
            }
        }
        assert.ok(refused, `the client was refused at some point (${statuses.join(',')})`);
        assert.equal(refused.status, 503);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        assert.match(await refused.text(), /busy|full/i);
        assert.ok(bot.app.directLine.store.bytes <= MAX_BYTES);
    });
});

describe('DirectLineStore: bytes per conversation, least recently used eviction', () => {
    const MINUTE = 60_000;

    it('drops a conversation’s oldest activities beyond its byte bound, and refuses one larger than the bound', () => {
        const store = new DirectLineStore({ maxConversationBytes: 10_000, maxActivityBytes: 20_000 });
        const c = store.create();
        for (let i = 0; i < 6; i++) store.append(c.conversationId, { type: 'message', text: `${i}`.repeat(3000) });
        const conversation = store.authorize(`Bearer ${c.token}`);
        assert.ok(conversation);
        const kept = store.since(conversation, '0');
        assert.deepEqual(kept.activities.map((a) => String(a.text)[0]), ['3', '4', '5']);
        assert.equal(kept.watermark, '6');
        assert.ok(store.bytes <= 10_000);
        assert.throws(() => store.append(c.conversationId, { type: 'message', text: 'x'.repeat(15_000) }), (err: Error) => err instanceof DirectLineLimitError && err.status === 413);
    });

    it('evicts the least recently used idle conversation, not the oldest-created one still in use', () => {
        let now = 0;
        const store = new DirectLineStore({ maxConversations: 3, liveMs: 2 * MINUTE }, () => now);
        const first = store.create();
        const second = store.create();
        const third = store.create();
        for (const c of [first, second, third]) assert.ok(store.authorize(`Bearer ${c.token}`));
        now = 5 * MINUTE;
        assert.ok(store.authorize(`Bearer ${first.token}`), 'the first conversation is in use again');
        assert.ok(store.authorize(`Bearer ${third.token}`));
        store.create();
        assert.ok(store.authorize(`Bearer ${first.token}`), 'the oldest-created conversation, in use, stays');
        assert.equal(store.authorize(`Bearer ${second.token}`), undefined, 'the least recently used idle one went');
    });

    it('refuses a new conversation when every conversation is live', () => {
        let now = 0;
        const store = new DirectLineStore({ maxConversations: 2, liveMs: 2 * MINUTE }, () => now);
        const a = store.create();
        const b = store.create();
        now = MINUTE;
        for (const c of [a, b]) assert.ok(store.authorize(`Bearer ${c.token}`));
        assert.throws(() => store.create(), (err: Error) => err instanceof DirectLineLimitError && err.status === 503);
        now = 4 * MINUTE;
        assert.doesNotThrow(() => store.create(), 'once one is idle, it makes room');
    });
});

describe('built-in Direct Line conversation cap over HTTP', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start({ env: { DIRECT_LINE_MAX_CONVERSATIONS: '3' } });
    });
    after(() => bot.stop());

    it('answers a new visitor 503 with a clear message while every conversation is live, and evicts nobody', async () => {
        const visitors = [await openWebChat(bot.baseUrl), await openWebChat(bot.baseUrl), await openWebChat(bot.baseUrl)];
        const refused = await visit(bot);
        assert.ok(refused instanceof Response, 'the fourth visitor gets no token');
        assert.equal(refused.status, 503);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        assert.match(((await refused.json()) as { error: string }).error, /chat is full|try again/);
        for (const v of visitors) assert.equal((await fetch(v.url, { headers: v.auth })).status, 200, 'every live conversation still answers');
    });
});
