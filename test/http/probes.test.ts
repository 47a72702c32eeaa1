import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotHarness } from '../helpers/botHarness';

describe('health and readiness probes', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start();
    });
    afterEach(async () => {
        await bot.stop().catch(() => undefined);
    });

    it('is ready while the database answers', async () => {
        const res = await fetch(`${bot.baseUrl}/readyz`);
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { status: 'ready', database: 'up' });
    });

    it('is alive but not ready when the database is gone', async () => {
        await bot.app.database.close();
        const ready = await fetch(`${bot.baseUrl}/readyz`);
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), { status: 'not ready', database: 'down' });
        const live = await fetch(`${bot.baseUrl}/healthz`);
        assert.equal(live.status, 200, 'a database outage is no reason to restart the process');
        assert.deepEqual(await live.json(), { status: 'degraded', database: 'down' });
    });

    it('is not ready while draining, before the last turn has finished', async () => {
        // A channel that holds the bot's reply, so that the turn is still in flight while draining.
        let release: () => void = () => undefined;
        let arrived: () => void = () => undefined;
        const replyArrived = new Promise<void>((resolve) => (arrived = resolve));
        let released = false;
        const channel = http.createServer((req, res) => {
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
        await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
        const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
        const turn = bot.post(JSON.stringify({ type: 'conversationUpdate', channelId: 'webchat', serviceUrl, conversation: { id: 'draining' }, from: { id: 'u' }, recipient: { id: 'bot' }, membersAdded: [{ id: 'u' }] }));
        await replyArrived;
        const draining = bot.app.drain(5000);
        const res = await fetch(`${bot.baseUrl}/readyz`);
        assert.equal(res.status, 503);
        release();
        assert.equal((await turn).status, 200, 'the turn in flight finishes');
        await draining;
        channel.closeAllConnections();
        channel.close();
    });
});

describe('/healthz details (outbox counts) behind a token', () => {
    const TOKEN = 'health-details-token-0123456789';
    const details = (bot: BotHarness, authorization?: string) => fetch(`${bot.baseUrl}/healthz/details`, { headers: authorization ? { authorization } : {} });

    it('shows anyone only liveness and the database state on /healthz, and has no details endpoint without HEALTH_DETAILS_TOKEN', async () => {
        const bot = await BotHarness.start();
        try {
            const res = await fetch(`${bot.baseUrl}/healthz`);
            assert.deepEqual(await res.json(), { status: 'ok', database: 'up' });
            assert.equal((await details(bot, `Bearer ${TOKEN}`)).status, 404);
        } finally {
            await bot.stop();
        }
    });

    it('shows the outbox counts only with the configured bearer token', async () => {
        const bot = await BotHarness.start({ env: { HEALTH_DETAILS_TOKEN: TOKEN } });
        try {
            for (const wrong of [undefined, 'Bearer wrong-token-0123456789abcdef', TOKEN, `Basic ${TOKEN}`]) {
                const res = await details(bot, wrong);
                assert.equal(res.status, 401, `refused: ${wrong}`);
                assert.doesNotMatch(await res.text(), /outbox|pending/);
            }
            const res = await details(bot, `Bearer ${TOKEN}`);
            assert.equal(res.status, 200);
            assert.equal(res.headers.get('cache-control'), 'no-store');
            assert.deepEqual(await res.json(), { status: 'ok', database: 'up', outbox: { pending: 0, delivering: 0, delivered: 0, dead: 0, oldestPendingSeconds: 0 } });
        } finally {
            await bot.stop();
        }
    });
});
