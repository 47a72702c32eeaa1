import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotHarness, visibleText } from '../helpers/botHarness';

function message(bot: BotHarness, conversation: string, text: string, serviceUrl = bot.channel.url): string {
    return JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: conversation }, from: { id: `u-${conversation}`, name: 'Alex Kim' }, recipient: { id: 'bot' }, locale: 'en-US', text });
}

describe('request limits', () => {
    describe('per conversation on /api/messages', () => {
        let bot: BotHarness;
        before(async () => {
            bot = await BotHarness.start({ env: { CONVERSATION_RATE_LIMIT_PER_MINUTE: '5' } });
        });
        after(() => bot.stop());

        it('answers a burst from one conversation with a polite 429, and other conversations go on', async () => {
            const statuses: number[] = [];
            for (let i = 0; i < 7; i++) statuses.push((await bot.post(message(bot, 'chatty', `message ${i}`))).status);
            assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
            const refused = await bot.post(message(bot, 'chatty', 'one more'));
            assert.equal(refused.headers.get('retry-after'), '60');
            assert.match(((await refused.json()) as { error: string }).error, /too many messages in this conversation; please wait a minute/);
            bot.channel.take();
            assert.match(visibleText(await bot.say('hi', 'quiet')), /support assistant/, 'another conversation is answered');
        });
    });

    describe('per client on the public endpoints', () => {
        let bot: BotHarness;
        before(async () => {
            bot = await BotHarness.start({ env: { CLIENT_RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXY_HOPS: '1' } });
        });
        after(() => bot.stop());

        const page = (forwardedFor: string) => fetch(`${bot.baseUrl}/`, { headers: { 'x-forwarded-for': forwardedFor } });

        it('limits each client address, taken from the entry the trusted proxy added', async () => {
            const first = [];
            for (let i = 0; i < 4; i++) first.push((await page('203.0.113.7:50123')).status);
            assert.deepEqual(first, [200, 200, 200, 429]);
            assert.equal((await page('198.51.100.9')).status, 200, 'another client is served');
            assert.equal((await page('198.51.100.200, 203.0.113.7')).status, 429, 'an address the client writes in front does not count');
            const refused = await page('203.0.113.7');
            assert.equal(refused.headers.get('retry-after'), '60');
        });

        it('leaves the channel endpoint and the probes to their own rules', async () => {
            for (let i = 0; i < 5; i++) assert.equal((await fetch(`${bot.baseUrl}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status, 200);
            assert.match(visibleText(await bot.say('hi', 'from-a-limited-address')), /support assistant/);
        });
    });

    describe('sizes', () => {
        let bot: BotHarness;
        before(async () => {
            bot = await BotHarness.start();
        });
        after(() => bot.stop());

        it('refuses oversized headers with 431 and keeps answering', async () => {
            const status = await new Promise<number>((resolve, reject) => {
                const url = new URL(bot.baseUrl);
                const req = http.request({ host: url.hostname, port: url.port, path: '/api/messages', method: 'POST', headers: { 'x-padding': 'x'.repeat(32_000), 'content-type': 'application/json' } }, (res) => {
                    res.resume();
                    resolve(res.statusCode ?? 0);
                });
                req.on('error', reject);
                req.end('{}');
            });
            assert.equal(status, 431);
            assert.match(visibleText(await bot.say('hi')), /support assistant/);
        });

        it('refuses a body over MAX_BODY_BYTES with 413 before parsing it', async () => {
            const res = await bot.post(message(bot, 'big', 'y'.repeat(300_000)));
            assert.equal(res.status, 413);
        });
    });

    describe('overload', () => {
        let bot: BotHarness;
        let held: http.Server;
        let release: () => void = () => undefined;
        let arrived: () => void = () => undefined;
        const replyArrived = new Promise<void>((resolve) => (arrived = resolve));
        before(async () => {
            bot = await BotHarness.start({ env: { MAX_CONCURRENT_TURNS: '1', MAX_QUEUED_TURNS: '0' } });
            // A channel that holds the bot's first reply until the test lets it go: the turn stays in flight.
            let released = false;
            held = http.createServer((req, res) => {
                req.resume();
                const reply = () => {
                    res.setHeader('content-type', 'application/json');
                    res.end('{"id":"1"}');
                };
                if (released) return reply();
                release = () => {
                    released = true;
                    reply();
                };
                arrived();
            });
            await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
        });
        after(async () => {
            held.closeAllConnections();
            await new Promise<void>((resolve) => held.close(() => resolve()));
            await bot.stop();
        });

        it('answers 503 with Retry-After when every turn slot is taken and none may wait, then serves again', async () => {
            const heldUrl = `http://127.0.0.1:${(held.address() as AddressInfo).port}`;
            const slow = bot.post(message(bot, 'slow', 'hi', heldUrl));
            await replyArrived;
            const refused = await bot.post(message(bot, 'other', 'hi'));
            assert.equal(refused.status, 503);
            assert.equal(refused.headers.get('retry-after'), '1');
            release();
            assert.equal((await slow).status, 200);
            assert.match(visibleText(await bot.say('hi', 'later')), /support assistant/);
        });
    });
});
