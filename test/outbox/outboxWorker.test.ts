import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxRepository } from '../../src/outbox/outboxRepository';
import { OutboxWorker } from '../../src/outbox/outboxWorker';
import type { OutboxMessage } from '../../src/outbox/outboxTypes';
import type { RetryPolicy } from '../../src/outbox/retryPolicy';
import { ticketOutboxHooks } from '../../src/escalation/ticketOutbox';
import { createWebhookHandler } from '../../src/integrations/webhooks';
import { createLogger } from '../../src/logger';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';
import { TicketActions } from '../../src/tickets/ticketActions';
import { TicketRepository } from '../../src/store/ticketRepository';
import { FakeWebhookReceiver } from '../fakes/fakeWebhookReceiver';
import { sampleTicket } from '../helpers/sampleTicket';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'test-secret-0123456789abcdef';
/** Earlier than the wall clock, so rows written at T0 are due for a real-clock worker too. */
const T0 = new Date('2026-01-05T08:00:00.000Z');

describe('outbox worker delivering webhooks to a receiver', () => {
    let dir: string;
    let database: OpenDatabase;
    let receiver: FakeWebhookReceiver;
    let tickets: TicketRepository;
    let clock: Date;
    const workers: OutboxWorker[] = [];

    const rows = () => database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    const advance = (ms: number): void => {
        clock = new Date(clock.getTime() + ms);
    };
    /** A worker on the test clock, jitter fixed at half the ceiling, driven by runOnce(). */
    function worker(retry: Partial<RetryPolicy> = {}, options: { timeoutMs?: number; db?: OpenDatabase; realClock?: boolean } = {}): OutboxWorker {
        const now = options.realClock ? () => new Date() : () => clock;
        const w = new OutboxWorker({
            db: (options.db ?? database).db,
            logger: createLogger('silent'),
            pollIntervalMs: 50,
            leaseMs: 60_000,
            retry: { baseMs: 100, capMs: 1000, maxAttempts: 10, maxAgeMs: 3_600_000, ...retry },
            now,
            random: () => 0.5,
        }).handle('webhook', createWebhookHandler({ urls: [receiver.url], secret: SECRET, timeoutMs: options.timeoutMs ?? 5000 }));
        workers.push(w);
        return w;
    }

    beforeEach(async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
        database = await openSqliteDatabase(path.join(dir, 'bot.sqlite'));
        receiver = new FakeWebhookReceiver(SECRET);
        await receiver.start();
        clock = T0;
        tickets = new TicketRepository(database.db, ticketOutboxHooks({ webhookUrls: [receiver.url], now: () => clock }));
    });
    afterEach(async () => {
        await Promise.all(workers.splice(0).map((w) => w.stop(1000)));
        await receiver.stop();
        await database.close();
        rmSync(dir, { recursive: true, force: true });
    });

    it('writes one webhook per URL and one agent notice with the ticket, in its transaction; a repeated create adds nothing', async () => {
        await tickets.create(sampleTicket('intake-1'));
        await tickets.create(sampleTicket('intake-1'));
        const stored = await rows();
        assert.deepEqual(stored.map((r) => [r.kind, r.status, r.attempts]), [['webhook', 'pending', 0], ['agent-notice', 'pending', 0]]);
        assert.match(stored[0]?.idempotency_key ?? '', /^webhook\/SR-\d{4}-000001\/ticket\.created\/\d+\/[0-9a-f]{12}$/);
        assert.doesNotMatch(stored[0]?.payload ?? '', /600 123 456|alex@fabrikam|Alex Kim/, 'no raw description or customer contact in the payload');

        const failing = new TicketRepository(database.db, {
            inTransaction: async (trx, change) => {
                await ticketOutboxHooks({ webhookUrls: [receiver.url] }).inTransaction?.(trx, change);
                throw new Error('boom after the outbox rows');
            },
        });
        await assert.rejects(failing.create(sampleTicket('intake-2')), /boom/);
        assert.equal((await rows()).length, 2, 'the rolled-back ticket left no messages');
        assert.equal((await database.db.selectFrom('tickets').selectAll().execute()).length, 1);
    });

    it('a receiver down for 3 attempts and then up gets the ticket exactly once, signed, with backoff between attempts', async () => {
        receiver.failNext(3);
        const { ticket } = await tickets.create(sampleTicket('intake-1'));
        const w = worker();
        const gaps: number[] = [];
        for (let i = 0; i < 3; i++) {
            assert.equal(await w.runOnce(), 1);
            const [row] = await rows();
            assert.equal(row?.status, 'pending');
            assert.equal(row?.last_error, 'webhook: HTTP 503');
            gaps.push(Date.parse(row?.next_attempt_at ?? '') - clock.getTime());
            assert.equal(await w.runOnce(), 0, 'not due before its backoff');
            clock = new Date(Date.parse(row?.next_attempt_at ?? ''));
        }
        assert.deepEqual(gaps, [50, 100, 200], 'full jitter at 0.5 of 100 ms, doubling');
        assert.equal(await w.runOnce(), 1);
        assert.equal(await w.runOnce(), 0);

        assert.equal(receiver.requests.length, 4);
        assert.equal(receiver.accepted().length, 1);
        assert.equal(new Set(receiver.requests.map((r) => r.deliveryId)).size, 1, 'every retry carries the same idempotency key');
        assert.ok(receiver.requests.every((r) => r.verified), 'every request verifies with the README recipe');
        assert.ok(receiver.requests.every((r) => r.standardVerified), 'and with a stock Standard Webhooks verifier');
        const body = receiver.accepted()[0]?.body as { event: string; schema_version: number; delivery_id: string; ticket: Record<string, unknown> };
        assert.equal(body.event, 'ticket.created');
        assert.equal(body.schema_version, 1);
        assert.equal(body.delivery_id, receiver.accepted()[0]?.deliveryId);
        assert.equal(body.ticket.number, ticket.number);
        assert.equal(body.ticket.severity, 'B');
        assert.equal(body.ticket.due_at, '2026-11-23T13:00:00.000Z');
        assert.equal(body.ticket.description_redacted, 'Mail not arriving since 9am, call me on [phone] or [email]');
        assert.deepEqual(body.ticket.customer, { organisation: 'Fabrikam Ltd', tenant_id: null, tenant_verified: false });
        assert.equal((body.ticket.partner_contact as { email: string }).email, 'escalations@contoso-cloud.example');
        assert.doesNotMatch(JSON.stringify(body), /600 123 456|alex@fabrikam|Alex Kim/);

        const [row] = await rows();
        assert.equal(row?.status, 'delivered');
        assert.equal(row?.attempts, 4);
        assert.equal(row?.last_error, null);
        assert.equal((await new OutboxRepository(database.db).counts(clock)).delivered, 1);
    });

    it('honours Retry-After from a 429 and retries a receiver that hangs past the timeout', async () => {
        receiver.failNext(1, 429, '30');
        await tickets.create(sampleTicket('intake-1'));
        const w = worker({}, { timeoutMs: 200 });
        await w.runOnce();
        let [row] = await rows();
        assert.equal(Date.parse(row?.next_attempt_at ?? '') - clock.getTime(), 30_000, 'waits what the receiver asked');
        assert.equal(row?.last_error, 'webhook: HTTP 429');

        advance(30_000);
        receiver.hang = true;
        await w.runOnce();
        [row] = await rows();
        assert.equal(row?.status, 'pending');
        assert.equal(row?.last_error, 'webhook: no answer within 200 ms');

        receiver.hang = false;
        advance(60_000);
        await w.runOnce();
        [row] = await rows();
        assert.equal(row?.status, 'delivered');
        assert.deepEqual(receiver.requests.map((r) => r.answered), [429, 0, 200]);
    });

    it('a permanent 400 is dead at once, listed for agents and counted; an agent can send it again', async () => {
        receiver.fixedStatus = 400;
        const { ticket } = await tickets.create(sampleTicket('intake-1'));
        await worker().runOnce();
        assert.deepEqual(await new OutboxRepository(database.db).dead(), [
            { id: 1, kind: 'webhook', ticketNumber: ticket.number, attempts: 1, lastError: 'webhook: HTTP 400', createdAt: T0.toISOString() },
        ]);
        assert.deepEqual(await new OutboxRepository(database.db).counts(clock), { pending: 1, delivering: 0, delivered: 0, dead: 1, oldestPendingSeconds: 0 });
        assert.equal(receiver.requests.length, 1);

        receiver.fixedStatus = undefined;
        assert.equal(await new OutboxRepository(database.db).retryDead(1, clock), true);
        await workers[0]?.runOnce();
        assert.equal((await rows())[0]?.status, 'delivered');
        assert.equal(receiver.accepted().length, 1);
    });

    it('gives up after the attempt limit and after the maximum age, never silently', async () => {
        receiver.fixedStatus = 503;
        await tickets.create(sampleTicket('intake-1'));
        const w = worker({ maxAttempts: 3 });
        for (let i = 0; i < 5; i++) {
            await w.runOnce();
            advance(10_000);
        }
        assert.equal(receiver.requests.length, 3);
        assert.equal((await rows())[0]?.status, 'dead');

        await tickets.create(sampleTicket('intake-2'));
        const aged = worker({ maxAgeMs: 5_000, baseMs: 60_000, capMs: 60_000 });
        await aged.runOnce();
        const retried = (await rows()).find((r) => r.id === 3);
        assert.equal(retried?.next_attempt_at, new Date(clock.getTime() + 5_000).toISOString(), 'the last try is at the deadline, not after it');
        advance(5_000);
        await aged.runOnce();
        assert.equal((await rows()).find((r) => r.id === 3)?.status, 'dead');
        assert.equal((await new OutboxRepository(database.db).counts(clock)).dead, 2);
    });

    it("takes over a crashed worker's message once its lease expires, and ends a crash loop at the attempt limit", async () => {
        await tickets.create(sampleTicket('intake-1'));
        const crashed = new OutboxWorker({ db: database.db, logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 10_000, retry: { baseMs: 1, capMs: 1, maxAttempts: 2, maxAgeMs: 3_600_000 }, now: () => clock });
        crashed.handle('webhook', () => new Promise<void>(() => undefined));
        void crashed.runOnce();
        await waitUntil(async () => (await rows())[0]?.status === 'delivering');

        const survivor = worker({ maxAttempts: 2 });
        assert.equal(await survivor.runOnce(), 0, 'the lease still holds');
        advance(60_001);
        receiver.fixedStatus = undefined;
        assert.equal(await survivor.runOnce(), 1);
        assert.equal((await rows())[0]?.status, 'delivered');
        assert.equal(receiver.accepted().length, 1);

        await tickets.create(sampleTicket('intake-2'));
        const loop = new OutboxWorker({ db: database.db, logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 1000, retry: { baseMs: 1, capMs: 1, maxAttempts: 2, maxAgeMs: 3_600_000 }, now: () => clock });
        loop.handle('webhook', () => new Promise<void>(() => undefined));
        for (let i = 0; i < 2; i++) {
            void loop.runOnce();
            await waitUntil(async () => (await rows())[2]?.claimed_by !== null && (await rows())[2]?.attempts === i + 1);
            advance(1001);
        }
        await loop.runOnce();
        const looped = (await rows())[2];
        assert.equal(looped?.status, 'dead');
        assert.match(looped?.last_error ?? '', /attempt limit/);
    });

    it('leaves kinds nobody handles pending, and delivers them once a handler is registered', async () => {
        const { ticket } = await tickets.create(sampleTicket('intake-1'));
        const w = worker();
        await w.runOnce();
        const notice = (await rows()).find((r) => r.kind === 'agent-notice');
        assert.equal(notice?.status, 'pending');
        assert.equal(notice?.attempts, 0);
        const seen: OutboxMessage[] = [];
        w.handle('agent-notice', async (m) => {
            seen.push(m);
        });
        await w.runOnce();
        assert.equal((await rows()).find((r) => r.kind === 'agent-notice')?.status, 'delivered');
        assert.deepEqual(seen.map((m) => m.payload), [{ event: 'ticket.created', ticketId: ticket.id, number: ticket.number }]);
    });

    it('sends ticket.updated when an agent resolves the ticket, under a new key', async () => {
        const { ticket } = await tickets.create(sampleTicket('intake-1'));
        const w = worker();
        await w.runOnce();
        const actions = new TicketActions(tickets, { reopenDays: 7, now: () => new Date() });
        const agent = { kind: 'agent' as const, id: 'a1', name: 'Maria' };
        assert.equal((await actions.resolve(ticket.id, agent, 'Restarted the connector')).ok, true);
        assert.deepEqual(await actions.resolve(ticket.id, agent, 'Restarted the connector'), { ok: false, reason: 'unchanged', ticket: (await tickets.findById(ticket.id))! });
        await w.runOnce();
        assert.deepEqual(receiver.accepted().map((r) => r.event), ['ticket.created', 'ticket.updated']);
        const updated = receiver.accepted()[1]?.body as { ticket: { status: string; resolution: string } };
        assert.deepEqual([updated.ticket.status, updated.ticket.resolution], ['resolved', 'agent']);
        assert.equal(new Set(receiver.accepted().map((r) => r.deliveryId)).size, 2);
    });

    it('a receiver that hangs holds only its own delivery: another receiver gets this and later tickets meanwhile', async () => {
        const slow = new FakeWebhookReceiver(SECRET);
        await slow.start();
        try {
            slow.hang = true;
            const both = new TicketRepository(database.db, ticketOutboxHooks({ webhookUrls: [slow.url, receiver.url], now: () => clock }));
            const w = new OutboxWorker({ db: database.db, logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 60_000, retry: { baseMs: 100, capMs: 1000, maxAttempts: 10, maxAgeMs: 3_600_000 } });
            w.handle('webhook', createWebhookHandler({ urls: [slow.url, receiver.url], secret: SECRET, timeoutMs: 30_000 }));
            workers.push(w);
            await both.create(sampleTicket('intake-1'));
            w.start();
            await receiver.waitFor((r) => r.accepted().length === 1);
            await slow.waitFor((r) => r.requests.length === 1);
            await waitUntil(async () => (await rows()).some((r) => r.status === 'delivered'));
            assert.equal(slow.accepted().length, 0, 'the slow receiver has still not answered');
            assert.deepEqual((await rows()).filter((r) => r.kind === 'webhook').map((r) => r.status).sort(), ['delivered', 'delivering']);

            await both.create(sampleTicket('intake-2'));
            w.kick();
            await receiver.waitFor((r) => r.accepted().length === 2);
            assert.equal(slow.accepted().length, 0, 'later tickets do not queue behind the hung delivery');
        } finally {
            await slow.stop();
        }
    });

    it('two workers on one database file deliver 40 tickets with no message sent twice', async () => {
        for (let i = 0; i < 40; i++) await tickets.create(sampleTicket(`intake-${i}`, { status: 'resolved', resolution: 'guidance' }));
        const second = await openSqliteDatabase(path.join(dir, 'bot.sqlite'));
        try {
            const a = worker({}, { realClock: true });
            const b = worker({}, { realClock: true, db: second });
            a.start();
            b.start();
            await receiver.waitFor((r) => r.accepted().length >= 40);
            await a.stop();
            await b.stop();
            assert.equal(receiver.requests.length, 40);
            assert.equal(new Set(receiver.accepted().map((r) => r.deliveryId)).size, 40);
            assert.equal((await new OutboxRepository(database.db).counts()).delivered, 40);
        } finally {
            await second.close();
        }
    });
});
