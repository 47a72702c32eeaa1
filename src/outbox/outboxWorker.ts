import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from '../logger';
import type { Database } from '../store/schema';
import { OutboxQueue, type OutboxRow } from './outboxQueue';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler, type OutboxKind, type OutboxMessage } from './outboxTypes';
import { nextDelayMs, type RetryPolicy } from './retryPolicy';
import { inSpan, instruments } from '../telemetry/instruments';

export interface OutboxWorkerOptions {
    db: Kysely<Database>;
    logger: Logger;
    /** How often to look for due messages when nothing wakes the worker earlier. */
    pollIntervalMs: number;
    /** How long a claim holds; a worker that died mid-delivery loses its rows after this. Must exceed handler timeouts. */
    leaseMs: number;
    /** Most deliveries in flight at once in this process (a slow receiver holds only its own slots). */
    concurrency?: number;
    retry: RetryPolicy;
    /** Wall clock (not the bot's business clock). */
    now?: () => Date;
    /** In [0, 1): the jitter source. */
    random?: () => number;
}

/** Most a timer may wait in Node (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Delivers outbox messages: claims due rows with a lease (safe with several processes on one
 * database), calls the handler registered for the row's kind, and marks the row delivered,
 * rescheduled (exponential backoff with full jitter, Retry-After honoured) or dead (permanent
 * failure, too many attempts, too old). Kinds without a handler stay pending.
 *
 * Delivery is at least once: a worker that dies after the receiver accepted a message but
 * before marking it delivered leaves a row that is delivered again when its lease expires.
 * Receivers drop duplicates by the idempotency key.
 */
export class OutboxWorker {
    private readonly handlers = new Map<OutboxKind, OutboxHandler>();
    private readonly workerId = randomUUID();
    private readonly now: () => Date;
    private readonly random: () => number;
    private readonly concurrency: number;
    private readonly inFlight = new Set<Promise<void>>();
    private readonly queue: OutboxQueue;
    private claims = 0;
    private timer?: NodeJS.Timeout;
    private running?: Promise<void>;
    private again = false;
    private started = false;
    private stopped = false;

    constructor(private readonly options: OutboxWorkerOptions) {
        this.now = options.now ?? (() => new Date());
        this.random = options.random ?? Math.random;
        this.concurrency = options.concurrency ?? 16;
        this.queue = new OutboxQueue(options.db);
    }

    /** Registers the handler for a kind; rows of that kind waiting so far are delivered from the next round. */
    handle(kind: OutboxKind, handler: OutboxHandler): this {
        this.handlers.set(kind, handler);
        if (this.started) this.kick();
        return this;
    }

    /** Starts polling (and delivers what is due now). */
    start(): void {
        if (this.started || this.stopped) return;
        this.started = true;
        this.kick();
    }

    /** Looks for due messages now (call after committing new ones, so delivery takes milliseconds). */
    kick(): void {
        if (!this.started || this.stopped) return;
        if (this.running) {
            this.again = true;
            return;
        }
        clearTimeout(this.timer);
        this.running = this.loop().finally(() => {
            this.running = undefined;
        });
    }

    /**
     * Stops polling and waits for deliveries in progress to settle their rows, at most
     * `timeoutMs`; a row still unsettled then is delivered again after its lease expires.
     */
    async stop(timeoutMs = 30_000): Promise<void> {
        this.stopped = true;
        clearTimeout(this.timer);
        const deadline = Date.now() + timeoutMs;
        // Loop: a claim that was under way when stop() came may still add deliveries.
        while ((this.running || this.inFlight.size > 0) && Date.now() < deadline) {
            let timer: NodeJS.Timeout | undefined;
            const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
            await Promise.race([Promise.all([this.running, ...this.inFlight]), timeout]);
            clearTimeout(timer);
        }
    }

    /** Claims what is due now and delivers it, resolving when those rows are settled; returns how many. For tests and benchmarks. */
    async runOnce(): Promise<number> {
        const kinds = [...this.handlers.keys()];
        if (kinds.length === 0) return 0;
        const rows = await this.claim(kinds, this.concurrency);
        await Promise.all(rows.map((row) => this.deliver(row)));
        return rows.length;
    }

    /**
     * Keeps up to `concurrency` deliveries in flight: claims as many rows as there are free
     * slots until fewer are due. Each finished delivery wakes the loop again, to fill its slot
     * and to re-time the next wake-up after a reschedule.
     */
    private async loop(): Promise<void> {
        try {
            do {
                this.again = false;
                const kinds = [...this.handlers.keys()];
                while (!this.stopped && kinds.length > 0 && this.inFlight.size < this.concurrency) {
                    const free = this.concurrency - this.inFlight.size;
                    const rows = await this.claim(kinds, free);
                    for (const row of rows) this.track(this.deliver(row));
                    if (rows.length < free) break;
                }
            } while (this.again && !this.stopped);
        } catch (err) {
            this.options.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'outbox: delivery round failed');
        }
        // With every slot busy, the next finished delivery wakes the loop; no timer (it would spin).
        if (!this.stopped && this.inFlight.size < this.concurrency) await this.scheduleNext();
    }

    private track(delivery: Promise<void>): void {
        const tracked: Promise<void> = delivery
            .catch((err: unknown) => this.options.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'outbox: could not settle a delivery'))
            .finally(() => {
                this.inFlight.delete(tracked);
                this.kick();
            });
        this.inFlight.add(tracked);
    }

    /** Sleeps until the next poll, or sooner when a rescheduled message falls due before it. */
    private async scheduleNext(): Promise<void> {
        let wait = this.options.pollIntervalMs;
        try {
            const next = await this.queue.nextDueAt([...this.handlers.keys()]);
            if (next !== undefined) wait = Math.min(wait, Math.max(0, next - this.now().getTime()));
        } catch {
            // The poll interval still applies; the failure was logged by the round if it persists.
        }
        if (this.stopped) return;
        this.timer = setTimeout(() => this.kick(), Math.min(wait, MAX_TIMER_MS));
        this.timer.unref();
    }

    private claim(kinds: OutboxKind[], limit: number): Promise<OutboxRow[]> {
        return this.queue.claim(kinds, limit, this.now(), this.options.leaseMs, `${this.workerId}:${++this.claims}`);
    }

    /** One delivery attempt, traced (`outbox.deliver <kind>`, parent of the handler's outbound call) and counted by outcome. */
    private async deliver(row: OutboxRow): Promise<void> {
        const attributes = { 'outbox.kind': row.kind, 'outbox.attempt': row.attempts };
        const started = performance.now();
        const outcome = await inSpan(`outbox.deliver ${row.kind}`, attributes, async (span) => {
            const result = await this.attempt(row);
            span.setAttribute('outbox.outcome', result);
            return result;
        });
        const { outboxDeliveries, outboxDuration } = instruments();
        outboxDeliveries.add(1, { 'outbox.kind': row.kind, 'outbox.outcome': outcome });
        outboxDuration.record((performance.now() - started) / 1000, { 'outbox.kind': row.kind, 'outbox.outcome': outcome });
    }

    private async attempt(row: OutboxRow): Promise<'delivered' | 'retry' | 'dead' | 'skipped'> {
        const handler = this.handlers.get(row.kind as OutboxKind);
        const { retry } = this.options;
        if (!handler) return 'skipped';
        if (row.attempts > retry.maxAttempts) {
            // Only reachable when workers died holding this row: a crash loop ends here too.
            return this.fail(row, 'gave up: attempt limit reached (leases expired)', undefined, true);
        }
        try {
            await handler(toMessage(row));
            await this.succeed(row);
            return 'delivered';
        } catch (err) {
            const permanent = !(err instanceof RetryableDeliveryError);
            const reason = err instanceof RetryableDeliveryError || err instanceof PermanentDeliveryError ? err.message : `handler error: ${(err as Error).name}`;
            return this.fail(row, reason, err instanceof RetryableDeliveryError ? err.retryAfterMs : undefined, permanent);
        }
    }

    private async succeed(row: OutboxRow): Promise<void> {
        await this.queue.markDelivered(row, this.now());
        this.options.logger.debug({ outboxId: row.id, kind: row.kind, attempts: row.attempts }, 'outbox: delivered');
    }

    /** Reschedules, or marks dead when the failure is permanent or the limits are reached. */
    private async fail(row: OutboxRow, reason: string, retryAfterMs: number | undefined, permanent: boolean): Promise<'retry' | 'dead'> {
        const { retry } = this.options;
        const now = this.now().getTime();
        const deadline = Date.parse(row.created_at) + retry.maxAgeMs;
        const dead = permanent || row.attempts >= retry.maxAttempts || now >= deadline;
        const next = Math.min(now + nextDelayMs(retry, row.attempts, retryAfterMs, this.random), deadline);
        const lastError = reason.slice(0, 300);
        if (dead) await this.queue.markDead(row, lastError);
        else await this.queue.reschedule(row, new Date(next), lastError);
        const fields = { outboxId: row.id, kind: row.kind, attempts: row.attempts, error: lastError };
        if (dead) this.options.logger.warn(fields, 'outbox: message is dead (agents can see it)');
        else this.options.logger.info({ ...fields, retryInMs: next - now }, 'outbox: delivery failed, will retry');
        return dead ? 'dead' : 'retry';
    }
}

function toMessage(row: OutboxRow): OutboxMessage {
    return {
        id: row.id,
        kind: row.kind as OutboxKind,
        idempotencyKey: row.idempotency_key,
        payload: JSON.parse(row.payload) as unknown,
        ticketId: row.ticket_id,
        attempts: row.attempts - 1,
        createdAt: row.created_at,
    };
}
