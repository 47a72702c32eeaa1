import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../store/schema';
import type { OutboxKind } from './outboxTypes';

export type OutboxRow = Selectable<OutboxTable>;

/**
 * The outbox rows' delivery states, changed one statement at a time so that several workers
 * (threads of one process or processes on one database, SQLite or PostgreSQL) never both
 * own a row: a claim sets a lease and a token; settling a row checks that token.
 */
export class OutboxQueue {
    constructor(private readonly db: Kysely<Database>) {}

    /**
     * Claims up to `limit` rows of these kinds in one UPDATE: pending and due, or delivering
     * with an expired lease; counts the attempt. The conditions are repeated outside the
     * subquery so that, on PostgreSQL, a row another worker claimed meanwhile is re-checked
     * after the row lock and skipped.
     */
    async claim(kinds: OutboxKind[], limit: number, now: Date, leaseMs: number, token: string): Promise<OutboxRow[]> {
        const iso = now.toISOString();
        const claimable = (eb: ExpressionBuilder<Database, 'outbox'>) =>
            eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', iso)]), eb.and([eb('status', '=', 'delivering'), eb('lease_until', '<', iso)])]);
        await this.db
            .updateTable('outbox')
            .set((eb) => ({ status: 'delivering', claimed_by: token, lease_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
            .where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('kind', 'in', kinds).where(claimable).orderBy('next_attempt_at').limit(limit))
            .where(claimable)
            .execute();
        return this.db.selectFrom('outbox').selectAll().where('claimed_by', '=', token).where('status', '=', 'delivering').orderBy('id').execute();
    }

    /** Delivered is the truth even when this worker's lease was taken over meanwhile. */
    async markDelivered(row: OutboxRow, now: Date): Promise<void> {
        await this.db
            .updateTable('outbox')
            .set({ status: 'delivered', delivered_at: now.toISOString(), lease_until: null, last_error: null })
            .where('id', '=', row.id)
            .where('status', '!=', 'delivered')
            .execute();
    }

    /** Back to pending until `nextAt`; only while this claim still owns the row. */
    async reschedule(row: OutboxRow, nextAt: Date, error: string): Promise<void> {
        await this.settle(row, { status: 'pending', last_error: error, lease_until: null, next_attempt_at: nextAt.toISOString() });
    }

    /** Dead: kept, counted and listed for agents; only while this claim still owns the row. */
    async markDead(row: OutboxRow, error: string): Promise<void> {
        await this.settle(row, { status: 'dead', last_error: error, lease_until: null });
    }

    /** When the next row of these kinds falls due: a rescheduled one, or one whose lease runs out. */
    async nextDueAt(kinds: OutboxKind[]): Promise<number | undefined> {
        if (kinds.length === 0) return undefined;
        const [pending, leased] = await Promise.all([
            this.db.selectFrom('outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'pending').where('kind', 'in', kinds).executeTakeFirst(),
            this.db.selectFrom('outbox').select((eb) => eb.fn.min('lease_until').as('at')).where('status', '=', 'delivering').where('kind', 'in', kinds).executeTakeFirst(),
        ]);
        const times: number[] = [];
        if (pending?.at) times.push(Date.parse(pending.at));
        // A lease is over strictly after lease_until (the claim compares with <).
        if (leased?.at) times.push(Date.parse(leased.at) + 1);
        return times.length > 0 ? Math.min(...times) : undefined;
    }

    private async settle(row: OutboxRow, values: Partial<Pick<OutboxRow, 'status' | 'last_error' | 'lease_until' | 'next_attempt_at'>>): Promise<void> {
        await this.db
            .updateTable('outbox')
            .set(values)
            .where('id', '=', row.id)
            .where('claimed_by', '=', row.claimed_by ?? '')
            .where('status', '=', 'delivering')
            .execute();
    }
}
