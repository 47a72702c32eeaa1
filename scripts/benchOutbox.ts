/**
 * Outbox delivery figures against the fake webhook receiver (real worker, real webhook
 * handler, SQLite file): latency from ticket commit to the receiver's 2xx (p50/p99), and
 * throughput, for a steady stream, a burst, and a burst to a receiver failing at random.
 * Also checks the outcome: every ticket accepted exactly once.
 * Usage: node --import tsx scripts/benchOutbox.ts [--tickets N] [--flaky RATE]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxWorker } from '../src/outbox/outboxWorker';
import { ticketOutboxHooks } from '../src/escalation/ticketOutbox';
import { createWebhookHandler } from '../src/integrations/webhooks';
import { createLogger } from '../src/logger';
import { openSqliteDatabase } from '../src/store/database';
import { TicketRepository } from '../src/store/ticketRepository';
import { FakeWebhookReceiver } from '../test/fakes/fakeWebhookReceiver';
import { sampleTicket } from '../test/helpers/sampleTicket';

const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
    return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const TICKETS = arg('--tickets', 300);
const FLAKY = arg('--flaky', 0.3);
const SECRET = 'bench-secret-0123456789abcdef';

interface Scenario {
    name: string;
    /** Wait for each delivery before the next ticket (latency of a quiet system) or not (a burst). */
    steady: boolean;
    flakyRate: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function runScenario(scenario: Scenario, run: number): Promise<string> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-outbox-'));
    const database = await openSqliteDatabase(path.join(dir, 'bot.sqlite'));
    const receiver = new FakeWebhookReceiver(SECRET);
    await receiver.start();
    receiver.flakyRate = scenario.flakyRate;
    const worker = new OutboxWorker({
        db: database.db,
        logger: createLogger('silent'),
        pollIntervalMs: 1000,
        leaseMs: 60_000,
        retry: { baseMs: 10, capMs: 200, maxAttempts: 100, maxAgeMs: 600_000 },
    }).handle('webhook', createWebhookHandler({ urls: [receiver.url], secret: SECRET, timeoutMs: 5000 }));
    const tickets = new TicketRepository(database.db, ticketOutboxHooks({ webhookUrls: [receiver.url], committed: () => worker.kick() }));
    worker.start();

    const committedAt = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < TICKETS; i++) {
        const { ticket } = await tickets.create(sampleTicket(`bench-${run}-${i}`, { status: 'resolved', resolution: 'guidance' }));
        committedAt.set(ticket.number ?? '', performance.now());
        if (scenario.steady) await receiver.waitFor((r) => r.accepted().length === i + 1, 60_000);
    }
    await receiver.waitFor((r) => r.accepted().length >= TICKETS, 120_000);
    const elapsed = performance.now() - started;
    await worker.stop();

    const accepted = receiver.accepted();
    const numbers = accepted.map((r) => (r.body as { ticket: { number: string } }).ticket.number);
    const latencies = accepted.map((r, i) => r.at - (committedAt.get(numbers[i] ?? '') ?? NaN)).sort((a, b) => a - b);
    const duplicates = accepted.length - new Set(accepted.map((r) => r.deliveryId)).size;
    const lost = TICKETS - new Set(numbers).size;
    const failures = receiver.requests.length - accepted.length;
    await receiver.stop();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    return (
        `outbox ${scenario.name.padEnd(22)} n=${TICKETS} p50=${percentile(latencies, 50).toFixed(1)}ms p99=${percentile(latencies, 99).toFixed(1)}ms ` +
        `max=${(latencies.at(-1) ?? NaN).toFixed(1)}ms throughput=${((TICKETS / elapsed) * 1000).toFixed(0)}/s failed-requests=${failures} duplicates=${duplicates} lost=${lost}`
    );
}

async function main(): Promise<void> {
    const scenarios: Scenario[] = [
        { name: 'steady (one at a time)', steady: true, flakyRate: 0 },
        { name: 'burst', steady: false, flakyRate: 0 },
        { name: `burst, ${Math.round(FLAKY * 100)}% 503`, steady: false, flakyRate: FLAKY },
    ];
    process.stdout.write(`node ${process.version}, SQLite file, 1 worker, 16 in flight, backoff 10-200 ms full jitter\n`);
    let run = 0;
    for (const scenario of scenarios) process.stdout.write(`${await runScenario(scenario, run++)}\n`);
}


void main();
