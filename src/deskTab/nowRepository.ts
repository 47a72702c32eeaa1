import { sql, type Kysely } from 'kysely';
import type { TicketStatus } from '../policy/types';
import { OPEN_STATUS_SQL } from '../store/reportsMigration';
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
    constructor(private readonly db: Kysely<Database>) {}

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
     * then the answered ones; tickets_open_due_idx walks each in due order.
     */
    async openTickets(limit = 100): Promise<OpenTicketRow[]> {
        const page = (answered: boolean, n: number) =>
            this.db
                .selectFrom('tickets')
                .select(['number', 'title', 'status', 'severity', 'language', 'assignee_name', 'created_at', 'due_at', 'first_response_at'])
                .where(sql<boolean>`${OPEN}`)
                .where('first_response_at', answered ? 'is not' : 'is', null)
                .orderBy('due_at')
                .orderBy('id')
                .limit(n)
                .execute();
        const unanswered = await page(false, limit);
        const rows = unanswered.length < limit ? [...unanswered, ...(await page(true, limit - unanswered.length))] : unanswered;
        return rows.map((r) => ({
            number: r.number,
            title: r.title,
            status: r.status,
            severity: r.severity,
            language: r.language,
            assigneeName: r.assignee_name,
            createdAt: r.created_at,
            dueAt: r.due_at,
            firstResponseAt: r.first_response_at,
        }));
    }

    async openCounts(nowIso: string): Promise<OpenTicketCounts> {
        const totals = await this.db
            .selectFrom('tickets')
            .where(sql<boolean>`${OPEN}`)
            .select((eb) => [
                eb.fn.countAll<number>().as('open'),
                eb.fn.sum<number>(eb.case().when(eb.and([eb('first_response_at', 'is not', null), eb('first_response_at', '<=', eb.ref('due_at'))])).then(1).else(0).end()).as('met'),
                eb.fn.sum<number>(eb.case().when('first_response_at', '>', eb.ref('due_at')).then(1).else(0).end()).as('missed'),
                eb.fn.sum<number>(eb.case().when(eb.and([eb('first_response_at', 'is', null), eb('due_at', '<=', nowIso)])).then(1).else(0).end()).as('breached'),
            ])
            .executeTakeFirst();
        const running = await this.db
            .selectFrom('tickets')
            .select(['created_at', 'due_at'])
            .where(sql<boolean>`${OPEN}`)
            .where('first_response_at', 'is', null)
            .where('due_at', '>', nowIso)
            .execute();
        return {
            open: Number(totals?.open ?? 0),
            answeredMet: Number(totals?.met ?? 0),
            answeredMissed: Number(totals?.missed ?? 0),
            breached: Number(totals?.breached ?? 0),
            running: running.map((r) => ({ createdAt: r.created_at, dueAt: r.due_at ?? '' })),
        };
    }

    /** Dead outbox messages in all (the list itself comes from the outbox's own repository). */
    async deadCount(): Promise<number> {
        const row = await this.db.selectFrom('outbox').select(sql<number>`count(*)`.as('n')).where('status', '=', 'dead').executeTakeFirst();
        return Number(row?.n ?? 0);
    }
}
