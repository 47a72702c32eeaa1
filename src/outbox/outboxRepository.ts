import type { Kysely } from 'kysely';
import type { Database, OutboxStatus } from '../store/schema';
import type { OutboxKind } from './outboxTypes';

/** A message to write to the outbox, next to the ticket change that causes it. */
export interface NewOutboxMessage {
    kind: OutboxKind;
    /** Unique per logical message: a second enqueue with the same key is ignored. */
    idempotencyKey: string;
    /** Serialised as JSON; must not hold the raw ticket description. */
    payload: object;
    ticketId: number | null;
}

/** Messages per delivery status, and the age of the oldest one still waiting: for /healthz/details. */
export interface OutboxCounts {
    pending: number;
    delivering: number;
    delivered: number;
    dead: number;
    /** Seconds since the oldest pending message was written; 0 when none waits. */
    oldestPendingSeconds: number;
}

/** A message the worker gave up on, as an agent sees it. */
export interface DeadMessage {
    id: number;
    kind: string;
    ticketNumber: string | null;
    attempts: number;
    lastError: string | null;
    createdAt: string;
}

/**
 * The outbox table as the bot's features see it: messages written next to the change that
 * causes them, counts for monitoring, and the dead messages agents look at and send again.
 * (The worker's claims and settlements are OutboxQueue's.) Built on a transaction, it writes
 * inside that transaction.
 */
export class OutboxRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /**
     * Writes messages (so they commit or roll back with the change, when `db` is its
     * transaction). `now` is wall-clock time: it makes the rows due at once. Returns how many
     * rows were new (a key already present is skipped, not duplicated).
     */
    async enqueue(messages: NewOutboxMessage[], now: Date = new Date()): Promise<number> {
        if (messages.length === 0) return 0;
        const iso = now.toISOString();
        const rows = messages.map((m) => ({
            kind: m.kind,
            idempotency_key: m.idempotencyKey,
            payload: JSON.stringify(m.payload),
            ticket_id: m.ticketId,
            status: 'pending' as const,
            attempts: 0,
            next_attempt_at: iso,
            created_at: iso,
        }));
        const inserted = await this.db
            .insertInto('outbox')
            .values(rows)
            .onConflict((oc) => oc.column('idempotency_key').doNothing())
            .returning('id')
            .execute();
        return inserted.length;
    }

    /** Counts the outbox by status (one grouped query and one min). */
    async counts(now: Date = new Date()): Promise<OutboxCounts> {
        const rows = await this.db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number | string | bigint>().as('n')]).groupBy('status').execute();
        const counts: OutboxCounts = { pending: 0, delivering: 0, delivered: 0, dead: 0, oldestPendingSeconds: 0 };
        for (const row of rows) if (row.status in counts) counts[row.status as OutboxStatus] = Number(row.n);
        const oldest = await this.db.selectFrom('outbox').select((eb) => eb.fn.min('created_at').as('at')).where('status', '=', 'pending').executeTakeFirst();
        if (oldest?.at) counts.oldestPendingSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(oldest.at)) / 1000));
        return counts;
    }

    /** Dead messages, newest first: what agents must look at (nothing is dropped silently). */
    async dead(limit = 50): Promise<DeadMessage[]> {
        const rows = await this.db
            .selectFrom('outbox')
            .leftJoin('tickets', 'tickets.id', 'outbox.ticket_id')
            .select(['outbox.id', 'outbox.kind', 'tickets.number', 'outbox.attempts', 'outbox.last_error', 'outbox.created_at'])
            .where('outbox.status', '=', 'dead')
            .orderBy('outbox.id', 'desc')
            .limit(limit)
            .execute();
        return rows.map((r) => ({ id: r.id, kind: r.kind, ticketNumber: r.number, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at }));
    }

    /**
     * Gives a dead message another run (an agent fixed the receiver): pending, due now, with
     * fresh attempt and age budgets. False when the message is not dead.
     */
    async retryDead(id: number, now: Date = new Date()): Promise<boolean> {
        const iso = now.toISOString();
        const result = await this.db
            .updateTable('outbox')
            .set({ status: 'pending', attempts: 0, next_attempt_at: iso, created_at: iso, lease_until: null, claimed_by: null })
            .where('id', '=', id)
            .where('status', '=', 'dead')
            .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
    }
}
