import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { gzipBomb, rawRequest } from '../helpers/rawHttp';

/** No Bot Framework channel compresses request bodies: every Content-Encoding but identity is refused before the body is read. */
describe('compressed and chunked request bodies', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start();
    });
    after(() => bot.stop());

    const activity = (conversation: string) => ({ type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'bot' }, locale: 'en-US', text: 'hi' });
    const json = JSON.stringify({ type: 'message', text: 'hi' });
    const encoded: Array<[string, string, Buffer]> = [
        ['gzip', 'a body that is not gzip (curl --data x)', Buffer.from('x')],
        ['gzip', 'a gzipped activity', zlib.gzipSync(json)],
        ['deflate', 'a deflated activity', zlib.deflateSync(json)],
        ['br', 'a brotli activity', zlib.brotliCompressSync(json)],
        ['x-garbage', 'an unknown coding', Buffer.from('x')],
    ];
    const routes = ['/api/messages', '/v3/directline/conversations', '/api/directline/token', '/healthz'];

    for (const [encoding, what, body] of encoded) {
        it(`answers Content-Encoding: ${encoding} with ${what} with 415 on every route, and the bot still answers`, async () => {
            for (const path of routes) {
                const res = await rawRequest(bot.baseUrl, { path, headers: { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length }, body });
                assert.equal(res.status, 415, `${path} with ${encoding}`);
                const { error } = JSON.parse(res.body) as { error: string | { message: string } };
                assert.match(typeof error === 'string' ? error : error.message, /content encoding .* not supported/i, 'a clear reason, Direct Line-shaped on Direct Line routes');
            }
            bot.channel.take();
            assert.match(visibleText(await bot.say('hi', `after-${what}`)), /support assistant/);
        });
    }

    it('refuses a gzip bomb (200 KB inflating to 200 MB) with 415, and memory does not grow', async function () {
        this.timeout(60_000);
        const bomb = await gzipBomb(200 * 1024 * 1024, activity('bomb'));
        assert.ok(bomb.length < 400_000, `the bomb is ${bomb.length} bytes`);
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
        const res = await rawRequest(bot.baseUrl, { path: '/api/messages', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length }, body: bomb });
        clearInterval(sampler);
        assert.equal(res.status, 415);
        assert.ok(peak - before < 64 * 1024 * 1024, `RSS grew by ${((peak - before) / 1048576).toFixed(0)} MB`);
        assert.deepEqual(bot.channel.take(), [], 'no turn ran');
    });

    it('answers a transfer coding other than chunked (Transfer-Encoding: gzip, chunked) with 415', async () => {
        const body = zlib.gzipSync(JSON.stringify(activity('transfer-coding')));
        const res = await rawRequest(bot.baseUrl, { path: '/api/messages', headers: { 'content-type': 'application/json', 'transfer-encoding': 'gzip, chunked' }, body: [body] });
        assert.equal(res.status, 415);
        assert.deepEqual(bot.channel.take(), []);
    });

    it('accepts Content-Encoding: identity', async () => {
        const body = JSON.stringify(activity('identity'));
        const res = await rawRequest(bot.baseUrl, { path: '/api/messages', headers: { 'content-type': 'application/json', 'content-encoding': 'identity', 'content-length': Buffer.byteLength(body) }, body });
        assert.equal(res.status, 200);
        assert.match(visibleText(bot.channel.take()), /support assistant/);
    });

    it('reads a chunked body without Content-Length, and refuses one over MAX_BODY_BYTES with 413', async () => {
        const small = JSON.stringify(activity('chunked'));
        const ok = await rawRequest(bot.baseUrl, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: [small.slice(0, 40), small.slice(40)] });
        assert.equal(ok.status, 200);
        assert.match(visibleText(bot.channel.take()), /support assistant/);
        const chunk = 'y'.repeat(64 * 1024);
        const big = await rawRequest(bot.baseUrl, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: ['{"type":"message","text":"', ...Array.from({ length: 8 }, () => chunk), '"}'] });
        assert.equal(big.status, 413);
        assert.deepEqual(bot.channel.take(), []);
        assert.match(visibleText(await bot.say('hi', 'after-chunked')), /support assistant/);
    });
});
