import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createAdapter } from '../../src/bot/createAdapter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServer, type BotServer } from '../../src/server';
import { AuthOnBot } from '../helpers/authOnBot';

const SECRET_DETAIL = 'db password=hunter2 at /srv/bot/src/store.ts:42';

/** A 5xx answer says that something failed, never what: no error message, stack, path or URL. */
function assertGeneric(status: number, body: string): void {
    assert.ok(status >= 500, `status ${status}`);
    assert.deepEqual(JSON.parse(body), { error: 'internal error' });
}

describe('5xx answers carry no internal details', () => {
    describe('routes whose handlers fail', () => {
        let app: BotServer;
        let baseUrl = '';
        const lines: string[] = [];
        before(async () => {
            const logger = createLogger('warn', { write: (line: string) => void lines.push(line) });
            const failing = (server: Server): void => {
                server.get('/fails/throws', async () => {
                    throw new Error(SECRET_DETAIL);
                });
                server.get('/fails/rejects-with-a-string', async () => Promise.reject(SECRET_DETAIL));
                server.get('/fails/next-error', (_req, _res, next) => next(new Error(SECRET_DETAIL)));
                server.get('/fails/status-error', (_req, _res, next) => next(Object.assign(new Error(SECRET_DETAIL), { statusCode: 503 })));
            };
            app = createServer({ adapter: createAdapter(loadConfig({}), logger), bot: { run: async () => undefined }, logger, maxBodyBytes: 65_536, databaseUp: async () => true, routes: [failing] });
            await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
            baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        });
        after(() => app.drain(1000));

        for (const path of ['/fails/throws', '/fails/rejects-with-a-string', '/fails/next-error', '/fails/status-error']) {
            it(`GET ${path} answers a generic 5xx and logs the failure`, async () => {
                const res = await fetch(`${baseUrl}${path}`);
                assertGeneric(res.status, await res.text());
                assert.ok(lines.some((l) => l.includes('request failed') && l.includes(path.replace('/fails/', ''))), 'the failure was logged for the operator');
            });
        }

        it('still answers 4xx with their reason', async () => {
            const res = await fetch(`${baseUrl}/no/such/route`);
            assert.equal(res.status, 404);
            assert.ok(((await res.json()) as { error: string }).error.length > 0);
        });
    });

    describe('/api/messages when the adapter fails', () => {
        let auth: AuthOnBot;
        before(async () => {
            // Channel tokens' signing keys cannot be fetched: the SDK fails with its own message.
            auth = await AuthOnBot.start({ BotOpenIdMetadata: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' });
        });
        after(() => auth.stop());

        it('answers a generic 500, not the SDK error', async () => {
            const { bot } = auth;
            const res = await fetch(`${bot.baseUrl}/api/messages`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.token()}` },
                body: JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'bot' }, text: 'hi' }),
            });
            assertGeneric(res.status, await res.text());
        });
    });
});
