import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema';
import type { SqlDialectName } from '../store/migrations';
import type { ReportFilters } from './reportFilters';

export type TicketLabel = 'category' | 'product' | 'severity' | 'language';

/** Tickets with one value of a label in the period, and how many of them guidance resolved. */
export interface LabelRow {
    value: string;
    tickets: number;
    byGuidance: number;
}

export interface DueRow {
    severity: string | null;
    met: number;
    missed: number;
    pending: number;
}

export interface CountRow {
    key: string;
    count: number;
}

export interface ArticleRow {
    articleId: string;
    shown: number;
    solved: number;
}

/**
 * The report queries, each one statement over an index range of the period (see the
 * 2026-12-07-010 migration). Filters narrow tickets; waits and chat ratings narrow handoffs
 * through their ticket, except language and channel, which handoffs carry themselves.
 */
export class ReportRepository {
    constructor(
        private readonly db: Kysely<Database>,
        private readonly dialect: SqlDialectName,
    ) {}

    private tickets(f: ReportFilters): SelectQueryBuilder<Database, 'tickets', object> {
        let q = this.db.selectFrom('tickets').where('created_at', '>=', f.fromIso).where('created_at', '<', f.toIso);
        if (f.category) q = q.where('category', '=', f.category);
        if (f.product) q = q.where('product', '=', f.product);
        if (f.severity) q = q.where('severity', '=', f.severity);
        if (f.language) q = q.where('language', '=', f.language);
        if (f.channel) q = q.where('channel_id', '=', f.channel);
        return q;
    }

    /**
     * Tickets per value of one label, with how many guidance resolved. One label per query: a
     * sort on one short key is several times cheaper than on four.
     */
    async ticketsBy(f: ReportFilters, label: TicketLabel): Promise<LabelRow[]> {
        const rows = await this.tickets(f)
            .select(`${label} as value`)
            .select((eb) => [eb.fn.countAll<number>().as('tickets'), eb.fn.sum<number>(eb.case().when('resolution', '=', 'guidance').then(1).else(0).end()).as('by_guidance')])
            .groupBy(label)
            .execute();
        return rows.map((r) => ({ value: r.value ?? 'none', tickets: Number(r.tickets), byGuidance: Number(r.by_guidance) }));
    }

    /** First-response due times per severity: met, missed (answered late, or unanswered past due), pending. */
    async dueTimes(f: ReportFilters, nowIso: string): Promise<DueRow[]> {
        const rows = await this.tickets(f)
            .where('due_at', 'is not', null)
            .select('severity')
            .select((eb) => [
                eb.fn.sum<number>(eb.case().when(eb.and([eb('first_response_at', 'is not', null), eb('first_response_at', '<=', eb.ref('due_at'))])).then(1).else(0).end()).as('met'),
                eb.fn
                    .sum<number>(
                        eb
                            .case()
                            .when(eb.or([eb('first_response_at', '>', eb.ref('due_at')), eb.and([eb('first_response_at', 'is', null), eb('due_at', '<', nowIso)])]))
                            .then(1)
                            .else(0)
                            .end(),
                    )
                    .as('missed'),
                eb.fn.countAll<number>().as('total'),
            ])
            .groupBy('severity')
            .execute();
        return rows.map((r) => ({ severity: r.severity, met: Number(r.met), missed: Number(r.missed), pending: Number(r.total) - Number(r.met) - Number(r.missed) }));
    }

    /** Ticket ratings (1-5) given in the period's tickets. */
    async ticketRatings(f: ReportFilters): Promise<CountRow[]> {
        const rows = await this.tickets(f).where('rating', 'is not', null).select('rating').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('rating').execute();
        return rows.map((r) => ({ key: String(r.rating), count: Number(r.n) }));
    }

    /** Per guidance article: tickets it was shown on and tickets it resolved. */
    async articles(f: ReportFilters): Promise<ArticleRow[]> {
        const rows = await this.tickets(f)
            .where('guidance_article_id', 'is not', null)
            .select('guidance_article_id')
            .select((eb) => [eb.fn.countAll<number>().as('shown'), eb.fn.sum<number>(eb.case().when('resolution', '=', 'guidance').then(1).else(0).end()).as('solved')])
            .groupBy('guidance_article_id')
            .execute();
        return rows.map((r) => ({ articleId: r.guidance_article_id ?? '', shown: Number(r.shown), solved: Number(r.solved) }));
    }

    /** Tickets per UTC hour ('2026-12-07T09'); the page folds them into the partner's weekday × hour. */
    async ticketsPerHour(f: ReportFilters): Promise<CountRow[]> {
        const hour = sql<string>`substr(created_at, 1, 13)`;
        const rows = await this.tickets(f).select(hour.as('hour')).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(hour).execute();
        return rows.map((r) => ({ key: r.hour, count: Number(r.n) }));
    }

    private handoffs(f: ReportFilters) {
        let q = this.db.selectFrom('handoffs').where('handoffs.enqueued_at', '>=', f.fromIso).where('handoffs.enqueued_at', '<', f.toIso);
        if (f.language) q = q.where('handoffs.language', '=', f.language);
        if (f.channel) q = q.where('handoffs.channel_id', '=', f.channel);
        if (f.category || f.product || f.severity) {
            q = q.where((eb) =>
                eb.exists(
                    eb
                        .selectFrom('tickets')
                        .select('tickets.id')
                        .whereRef('tickets.id', '=', 'handoffs.ticket_id')
                        .$if(!!f.category, (s) => s.where('tickets.category', '=', f.category ?? ''))
                        .$if(!!f.product, (s) => s.where('tickets.product', '=', f.product ?? ''))
                        .$if(!!f.severity, (s) => s.where('tickets.severity', '=', f.severity ?? '')),
                ),
            );
        }
        return q;
    }

    /** Seconds each accepted customer waited for an agent, as a histogram (seconds → customers). */
    async waits(f: ReportFilters): Promise<CountRow[]> {
        const seconds =
            this.dialect === 'postgres'
                ? sql<number>`round(extract(epoch from (handoffs.accepted_at::timestamptz - handoffs.enqueued_at::timestamptz)))::int`
                : sql<number>`cast(round((julianday(handoffs.accepted_at) - julianday(handoffs.enqueued_at)) * 86400) as integer)`;
        const rows = await this.handoffs(f).where('handoffs.accepted_at', 'is not', null).select(seconds.as('s')).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(seconds).execute();
        return rows.map((r) => ({ key: String(r.s), count: Number(r.n) }));
    }

    /** Ratings of live chats with agents (1-5). */
    async chatRatings(f: ReportFilters): Promise<CountRow[]> {
        const rows = await this.handoffs(f).where('handoffs.rating', 'is not', null).select('handoffs.rating').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('handoffs.rating').execute();
        return rows.map((r) => ({ key: String(r.rating), count: Number(r.n) }));
    }

    /** Customer conversations that began in the period (their first customer message). */
    async conversations(f: ReportFilters): Promise<number> {
        const row = await this.db
            .selectFrom('conversation_starts')
            .where('started_at', '>=', f.fromIso)
            .where('started_at', '<', f.toIso)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst();
        return Number(row?.n ?? 0);
    }
}
