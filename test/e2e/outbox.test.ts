import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxRepository } from '../../src/outbox/outboxRepository';
import { openSqliteDatabase } from '../../src/store/database';
import { FakeWebhookReceiver } from '../fakes/fakeWebhookReceiver';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'e2e-secret-0123456789abcdef';
const HEALTH_TOKEN = 'e2e-health-details-0123456789abcdef';
const CHILD = path.join(__dirname, '..', 'helpers', 'outboxCrashChild.ts');

describe('outbox end to end: ticket webhooks survive outages and crashes', () => {
    let receiver: FakeWebhookReceiver;
    let dir: string;
    const bots: BotHarness[] = [];
    const env = (extra: Record<string, string> = {}): Record<string, string> => ({
        WEBHOOK_URLS: receiver.url,
        WEBHOOK_SECRET: SECRET,
        OUTBOX_POLL_INTERVAL_MS: '100',
        OUTBOX_BACKOFF_BASE_MS: '20',
        OUTBOX_BACKOFF_CAP_MS: '200',
        HEALTH_DETAILS_TOKEN: HEALTH_TOKEN,
        ...extra,
    });
    const start = async (options: Parameters<typeof BotHarness.start>[0]): Promise<BotHarness> => {
        const bot = await BotHarness.start(options);
        bots.push(bot);
        return bot;
    };
    const healthz = async (bot: BotHarness) => ((await (await fetch(`${bot.baseUrl}/healthz/details`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).json()) as { outbox: Record<string, number> }).outbox;
    const webhookRows = (bot: BotHarness) => bot.app.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'webhook').execute();

    beforeEach(async () => {
        receiver = new FakeWebhookReceiver(SECRET);
        await receiver.start();
        dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-e2e-'));
    });
    afterEach(async () => {
        for (const bot of bots.splice(0)) await bot.stop();
        await receiver.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('a PSA down for 4 attempts and then up receives the new ticket exactly once; /healthz counts it delivered', async () => {
        receiver.failNext(4);
        const bot = await start({ env: env() });
        const done = await openTicketByChat(bot, { conversationId: 'c1', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        assert.match(visibleText(done), /SR-2026-000001/);
        await receiver.waitFor((r) => r.accepted().length === 1);
        await waitUntil(async () => (await webhookRows(bot))[0]?.status === 'delivered');

        assert.deepEqual(receiver.requests.map((r) => r.answered), [503, 503, 503, 503, 200]);
        assert.equal(new Set(receiver.requests.map((r) => r.deliveryId)).size, 1);
        const body = receiver.accepted()[0]?.body as { ticket: { number: string; customer: { organisation: string } } };
        assert.equal(body.ticket.number, 'SR-2026-000001');
        assert.equal(body.ticket.customer.organisation, 'Fabrikam Ltd');
        assert.equal(await bot.app.outbox.runOnce(), 0, 'nothing left to send');
        const counts = await healthz(bot);
        assert.deepEqual([counts.delivered, counts.dead, counts.delivering, counts.pending], [2, 0, 0, 0], 'the webhook and the agent notice (no agents set up: nobody to tell)');
    });

    it('a receiver that rejects the ticket with 400 makes it dead at once: in /healthz and in the agents’ list', async () => {
        receiver.fixedStatus = 400;
        const bot = await start({ env: env() });
        await openTicketByChat(bot, { conversationId: 'c1', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        await waitUntil(async () => (await webhookRows(bot))[0]?.status === 'dead');
        assert.equal((await healthz(bot)).dead, 1);
        const [dead] = await new OutboxRepository(bot.app.database.db).dead();
        assert.deepEqual([dead?.kind, dead?.ticketNumber, dead?.lastError, dead?.attempts], ['webhook', 'SR-2026-000001', 'webhook: HTTP 400', 1]);
        assert.equal(receiver.requests.length, 1, 'not retried');
    });

    it('agents see failed deliveries in Teams and send one again once the receiver is fixed', async () => {
        receiver.fixedStatus = 400;
        const tenant = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
        const agent = 'aaaaaaaa-0000-4000-8000-000000000001';
        const bot = await start({ env: env({ PARTNER_TENANT_ID: tenant, AGENT_AAD_OBJECT_IDS: agent }) });
        await openTicketByChat(bot, { conversationId: 'c1', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        await waitUntil(async () => (await webhookRows(bot))[0]?.status === 'dead');
        const asAgent = (text: string) => bot.send({ from: { id: `29:${agent}`, name: 'Maria', aadObjectId: agent }, channelData: { tenant: { id: tenant } }, conversation: { id: 'a:maria', conversationType: 'personal', tenantId: tenant }, text }, 'a:maria', 'msteams');
        const listed = visibleText(await asAgent('failed'));
        const id = /#(\d+) webhook for SR-2026-000001: 1 attempts, last error: webhook: HTTP 400/.exec(listed)?.[1];
        assert.ok(id, listed);
        const byCustomer = await bot.send({ text: `retry ${id}` }, 'c1');
        assert.doesNotMatch(visibleText(byCustomer), /will be tried again/, 'a customer cannot retry deliveries');
        receiver.fixedStatus = undefined;
        assert.match(visibleText(await asAgent(`retry ${id}`)), new RegExp(`Delivery #${id} will be tried again`));
        await waitUntil(async () => (await webhookRows(bot))[0]?.status === 'delivered');
        assert.equal(receiver.accepted().length, 1);
    });

    for (const mode of ['stopped', 'running'] as const) {
        const when = mode === 'stopped' ? 'after the ticket committed, before any delivery' : 'while the receiver was still answering';
        it(`a bot process killed ${when} delivers after restart, once`, async () => {
            const databaseFile = path.join(dir, 'bot.sqlite');
            receiver.hang = mode === 'running';
            const childEnv = env({ WEBHOOK_TIMEOUT_MS: '3000', OUTBOX_LEASE_MS: '4000' });
            const child = spawn(process.execPath, ['--import', 'tsx', CHILD, databaseFile, mode, JSON.stringify(childEnv)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
            const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
            const committed = await firstLine(child.stdout, child.stderr);
            assert.deepEqual(JSON.parse(committed), { committed: 'SR-2026-000001' });
            if (mode === 'running') await receiver.waitFor((r) => r.requests.length === 1);
            child.kill('SIGKILL');
            assert.equal(await exited, 'SIGKILL');

            const before = await openSqliteDatabase(databaseFile);
            const [row] = await before.db.selectFrom('outbox').selectAll().where('kind', '=', 'webhook').execute();
            await before.close();
            assert.equal(row?.status, mode === 'stopped' ? 'pending' : 'delivering');
            assert.equal(receiver.accepted().length, 0, 'nothing reached the receiver before the crash');

            receiver.hang = false;
            const bot = await start({ databaseFile, env: env() });
            await receiver.waitFor((r) => r.accepted().length === 1);
            await waitUntil(async () => (await webhookRows(bot))[0]?.status === 'delivered');
            assert.equal(await bot.app.outbox.runOnce(), 0);
            assert.equal(receiver.accepted().length, 1);
            assert.equal(receiver.accepted()[0]?.deliveryId, row?.idempotency_key);
            assert.equal(receiver.requests.length, mode === 'stopped' ? 1 : 2, 'the hung request is the only other one');
        });
    }
});

function firstLine(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream): Promise<string> {
    return new Promise((resolve, reject) => {
        let out = '';
        let err = '';
        stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString('utf8');
            const newline = out.indexOf('\n');
            if (newline >= 0) resolve(out.slice(0, newline));
        });
        stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
        stdout.on('end', () => reject(new Error(`child ended without a line; stderr:\n${err}`)));
    });
}
