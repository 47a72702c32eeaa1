import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Logger } from '../logger';
import { OutboxRepository } from '../outbox/outboxRepository';
import type { Database } from '../store/schema';
import type { Report } from './deskReports';
import type { ReportQuery } from './reportFilters';

/** What a 'weekly-summary' outbox row holds: the card's words, ready to post. */
export interface WeeklySummaryPayload {
    week: string;
    title: string;
    period: string;
    facts: Array<{ title: string; value: string }>;
    url: string;
}

/**
 * The week a summary is due for at `now`: from Monday at `hour` (partner time) on, the ISO
 * week before; undefined before that hour on Monday (then last week's is still the one due,
 * and it is sent late rather than never if the bot was down on Monday).
 */
export function summaryWeek(now: Date, timeZone: string, hour: number): { week: string; from: string; to: string } {
    const local = DateTime.fromJSDate(now, { zone: timeZone });
    const thisMonday = local.startOf('week');
    const sendAt = thisMonday.set({ hour });
    const covered = local < sendAt ? thisMonday.minus({ weeks: 2 }) : thisMonday.minus({ weeks: 1 });
    return { week: `${covered.weekYear}-W${String(covered.weekNumber).padStart(2, '0')}`, from: covered.toISODate() ?? '', to: covered.plus({ days: 6 }).toISODate() ?? '' };
}

const percent = (v: number | null): string => (v === null ? 'n/a' : `${v} %`);

/** The card's words from the week's report. */
export function summaryPayload(week: string, report: Report, url: string): WeeklySummaryPayload {
    const s = report.summary;
    const from = DateTime.fromISO(report.period.from).toFormat('d LLL');
    const to = DateTime.fromISO(report.period.to).toFormat('d LLL yyyy');
    return {
        week,
        title: `Desk summary, week ${Number(week.slice(-2))}`,
        period: `${from} – ${to} (${report.period.timeZone})`,
        facts: [
            { title: 'Volume', value: `${s.tickets} tickets from ${s.conversations} conversations` },
            { title: 'Deflection', value: `${percent(s.deflectionPercent)} resolved by guidance (${s.resolvedByGuidance})` },
            { title: 'Due times met', value: `${percent(s.dueMetPercent)} of first responses (${s.dueMet} met, ${s.dueMissed} missed)` },
            { title: 'Rating', value: s.averageRating === null ? 'no ratings' : `${s.averageRating} / 5` },
            { title: 'Wait for an agent', value: s.medianWaitSeconds === null ? 'nobody waited' : `median ${Math.round(s.medianWaitSeconds / 60)} min, 90 % within ${Math.round((s.p90WaitSeconds ?? 0) / 60)} min` },
        ],
        url,
    };
}

export interface WeeklySummaryOptions {
    timeZone: string;
    /** Monday's hour (partner time) from which last week's summary goes out. */
    hour: number;
    /** The desk's Reports for that week (DESK_BASE_URL), or '' for none. */
    deskUrl: string;
    report(query: ReportQuery): Promise<Report>;
    now: () => Date;
    /** Wakes the outbox worker after the summary was written. */
    committed?: () => void;
}

/**
 * Posts last week's figures to the agents once a week: the week's row in weekly_summaries
 * and its outbox message are written in one transaction, so across restarts and instances
 * exactly one sweep wins the week.
 */
export class WeeklySummary {
    constructor(
        private readonly db: Kysely<Database>,
        private readonly options: WeeklySummaryOptions,
        private readonly logger: Logger,
    ) {}

    /** True when this sweep wrote the week's summary. */
    async sweep(): Promise<boolean> {
        const now = this.options.now();
        const due = summaryWeek(now, this.options.timeZone, this.options.hour);
        const done = await this.db.selectFrom('weekly_summaries').select('week').where('week', '=', due.week).executeTakeFirst();
        if (done) return false;
        const report = await this.options.report({ from: due.from, to: due.to });
        const url = this.options.deskUrl ? `${this.options.deskUrl}/desk#reports` : '';
        const payload = summaryPayload(due.week, report, url);
        const wrote = await this.db.transaction().execute(async (trx) => {
            const inserted = await trx.insertInto('weekly_summaries').values({ week: due.week, created_at: now.toISOString() }).onConflict((oc) => oc.column('week').doNothing()).returning('week').executeTakeFirst();
            if (!inserted) return false;
            await new OutboxRepository(trx).enqueue([{ kind: 'weekly-summary', idempotencyKey: `weekly-summary/${due.week}`, payload, ticketId: null }], now);
            return true;
        });
        if (wrote) {
            this.logger.info({ week: due.week }, 'weekly summary written for the agents');
            this.options.committed?.();
        }
        return wrote;
    }
}
