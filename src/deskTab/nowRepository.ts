import { sql, type Kysely } from 'kysely';
import type { TicketStatus } from '../policy/types';
import { OPEN_STATUS_SQL } from '../store/reportsMigration';
import type { SqlDialectName } from '../store/migrations';
import type { Database } from '../store/schema';

export interface WaitingCustomer {
    handoffId: number;
    customerName: string | null;
    organisation: string | null;
    language: string;
    channelId: string;
    reason: string;
    enqueuedAt: string;
    ticketNumber: string | null;
    severity: string | null;
}

export interface OpenTicketRow {
    number: string | null;
    title: string;
    status: TicketStatus;
    severity: string | null;
    language: string;
    assigneeName: string | null;
    createdAt: string;
    dueAt: string | null;
    firstResponseAt: string | null;
}

/** Open tickets by how they stand against their first-response due time (all of them, not only those listed). */
export interface OpenTicketCounts {
    open: number;
    answeredMet: number;
    answeredMissed: number;
    breached: number;
    /** Unanswered and not yet due: the page splits them into on track and at risk. */
    running: Array<{ createdAt: string; dueAt: string }>;
}

/** The open-ticket predicate as the partial index spells it, so the planner can use that index. */
const OPEN = sql.raw(OPEN_STATUS_SQL);

/**
 * What the desk looks like now. Every query runs on a small indexed set: the waiting queue
 * (handoffs_state_idx), live chats (handoffs_agent_state_idx), open tickets (the partial
 * tickets_open_due_idx) and dead outbox messages (outbox_due_idx).
 */
export class NowRepository {
    constructor(
        private readonly db: Kysely<Database>,
        private readonly dialect: SqlDialectName,
    ) {}

    async queue(limit = 100): Promise<WaitingCustomer[]> {
        const rows = await this.db
            .selectFrom('handoffs')
            .leftJoin('tickets', 'tickets.id', 'handoffs.ticket_id')
            .select(['handoffs.id', 'handoffs.customer_name', 'handoffs.customer_organisation', 'handoffs.language', 'handoffs.channel_id', 'handoffs.reason', 'handoffs.enqueued_at', 'tickets.number', 'tickets.severity'])
            .where('handoffs.state', '=', 'waiting')
            .orderBy('handoffs.enqueued_at')
            .limit(limit)
            .execute();
        return rows.map((r) => ({
            handoffId: r.id,
            customerName: r.customer_name,
            organisation: r.customer_organisation,
            language: r.language,
            channelId: r.channel_id,
            reason: r.reason,
            enqueuedAt: r.enqueued_at,
            ticketNumber: r.number,
            severity: r.severity,
        }));
    }

    /** Live chats per agent (Entra object id → count). */
    async liveChats(): Promise<Map<string, number>> {
        const rows = await this.db
            .selectFrom('handoffs')
            .select('agent_aad_object_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '=', 'agent')
            .where('agent_aad_object_id', 'is not', null)
            .groupBy('agent_aad_object_id')
            .execute();
        return new Map(rows.map((r) => [r.agent_aad_object_id ?? '', Number(r.n)]));
    }

    /**
     * Open tickets by time left: the unanswered ones soonest due first (whose clock still runs),
     * then the answered ones; tickets_open_due_idx walks each in due order and only the listed
     * rows are read.
     */
    async openTickets(limit = 100): Promise<OpenTicketRow[]> {
        const page = async (answered: boolean, n: number): Promise<number[]> => {
            const { rows } = await sql<{ id: number }>`select id from ${this.openTable()} where ${OPEN} and first_response_at ${sql.raw(answered ? 'is not null' : 'is null')} order by due_at, id limit ${n}`.execute(this.db);
            return rows.map((r) => Number(r.id));
        };
        const unanswered = await page(false, limit);
        const ids = unanswered.length < limit ? [...unanswered, ...(await page(true, limit - unanswered.length))] : unanswered;
        if (ids.length === 0) return [];
        const rows = await this.db.selectFrom('tickets').select(['id', 'number', 'title', 'status', 'severity', 'language', 'assignee_name', 'created_at', 'due_at', 'first_response_at']).where('id', 'in', ids).execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.flatMap((id) => {
            const r = byId.get(id);
            return r
                ? [{ number: r.number, title: r.title, status: r.status, severity: r.severity, language: r.language, assigneeName: r.assignee_name, createdAt: r.created_at, dueAt: r.due_at, firstResponseAt: r.first_response_at }]
                : [];
        });
    }

    /**
     * The open tickets' index. SQLite's planner, with statistics of a small table, prefers the
     * lifecycle's (status, due_at) index and reads every open row; the partial covering index
     * answers these queries from the index alone, so SQLite is told to use it. PostgreSQL's
     * planner finds it by itself.
     */
    private openTable() {
        return sql.raw(this.dialect === 'sqlite' ? 'tickets indexed by tickets_open_due_idx' : 'tickets');
    }

    async openCounts(nowIso: string): Promise<OpenTicketCounts> {
        const { rows: totals } = await sql<{ open: number; met: number | null; missed: number | null; breached: number | null }>`select count(*) as open,
                sum(case when first_response_at is not null and first_response_at <= due_at then 1 else 0 end) as met,
                sum(case when first_response_at > due_at then 1 else 0 end) as missed,
                sum(case when first_response_at is null and due_at <= ${nowIso} then 1 else 0 end) as breached
            from ${this.openTable()} where ${OPEN}`.execute(this.db);
        const { rows: running } = await sql<{ created_at: string; due_at: string }>`select created_at, due_at from ${this.openTable()} where ${OPEN} and first_response_at is null and due_at > ${nowIso}`.execute(this.db);
        const t = totals[0];
        return {
            open: Number(t?.open ?? 0),
            answeredMet: Number(t?.met ?? 0),
            answeredMissed: Number(t?.missed ?? 0),
            breached: Number(t?.breached ?? 0),
            running: running.map((r) => ({ createdAt: r.created_at, dueAt: r.due_at })),
        };
    }

    /** Dead outbox messages in all (the list itself comes from the outbox's own repository). */
    async deadCount(): Promise<number> {
        const row = await this.db.selectFrom('outbox').select(sql<number>`count(*)`.as('n')).where('status', '=', 'dead').executeTakeFirst();
        return Number(row?.n ?? 0);
    }
}
