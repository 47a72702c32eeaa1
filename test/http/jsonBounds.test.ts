import assert from 'node:assert/strict';
import { createLogger } from '../../src/logger';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { openWebChat } from '../helpers/webChatVisitor';

const deepArray = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/**
 * JSON nested thousands of levels deep parses, but every recursive walk over it (zod, the
 * SDK's serialiser, JSON.stringify when Direct Line answers a poll) overflows the stack. The
 * server refuses such bodies at the edge, on every route, with 400.
 */
describe('JSON depth and size bounds at the edge', () => {
    let bot: BotHarness;
    const lines: string[] = [];
    before(async () => {
        bot = await BotHarness.start({ env: { LOG_LEVEL: 'trace' }, logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) });
    });
    after(() => bot.stop());

    it('refuses a Web Chat activity nested 5,000 levels deep with 400; the conversation keeps working and nothing logs its token or id', async () => {
        const issued = await openWebChat(bot.baseUrl);
        const { auth, url } = issued;
        const deep = await fetch(url, { method: 'POST', headers: auth, body: `{"type":"message","text":"hi","value":${deepArray(5000)}}` });
        assert.equal(deep.status, 400);
        assert.match(((await deep.json()) as { error: { message: string } }).error.message, /nested too deeply/);
        for (let i = 0; i < 3; i++) assert.equal((await fetch(url, { headers: auth })).status, 200, 'later polls still answer');
        const posted = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Our invoice is wrong, we were billed twice for Microsoft 365' }) });
        assert.equal(posted.status, 200);
        const polled = (await (await fetch(url, { headers: auth })).json()) as { activities: never[] };
        assert.match(visibleText(polled.activities), /support assistant/);
        const logged = lines.join('\n');
        assert.ok(logged.length > 0, 'requests were logged');
        assert.ok(!logged.includes(issued.token), 'the Direct Line token is not logged');
        assert.ok(!logged.includes(issued.conversationId), 'the conversation id is not logged');
    });

    const refused: Array<[string, string]> = [
        ['an array nested 5,000 levels deep', `{"type":"message","value":${deepArray(5000)}}`],
        ['an object nested 33 levels deep', `{"type":"message","value":${'{"a":'.repeat(33)}1${'}'.repeat(33)}}`],
        ['an array of 20,000 items', `{"type":"message","value":[${Array.from({ length: 20_000 }, () => '0').join(',')}]}`],
    ];
    for (const [name, body] of refused) {
        it(`answers ${name} on /api/messages with 400`, async () => {
            const res = await bot.post(body);
            assert.equal(res.status, 400);
            assert.match(((await res.json()) as { error: string }).error, /nested too deeply|too many/);
        });
    }

    it('still takes an activity with ordinary nesting (cards, channel data)', async () => {
        const value = { csp: 1, prompt: 'x', nested: { a: { b: { c: { d: [1, [2, [3]]] } } } } };
        const replies = await bot.send({ text: 'hi', value, channelData: { clientActivityID: 'abc', tenant: { id: 't' } } }, 'ordinary-nesting');
        assert.ok(replies.length > 0);
    });
});
