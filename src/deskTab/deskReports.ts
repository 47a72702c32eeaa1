import { articleRankings, averageRating, dueTable, heatMap, metPercent, percentile, ratingTable, tally, waitBuckets, WEEKDAYS, type ReportTable } from './reportFigures';
import type { ReportFilters } from './reportFilters';
import type { LabelRow, ReportRepository, TicketLabel } from './reportRepository';

/** The headline figures of a period. */
export interface ReportSummary {
    conversations: number;
    tickets: number;
    resolvedByGuidance: number;
    /** Share of tickets resolved by guidance at intake, in percent (one decimal). */
    deflectionPercent: number | null;
    dueMet: number;
    dueMissed: number;
    dueMetPercent: number | null;
    medianWaitSeconds: number | null;
    p90WaitSeconds: number | null;
    chatsAccepted: number;
    averageRating: number | null;
}

export interface Report {
    period: { from: string; to: string; timeZone: string };
    filters: Partial<Record<'category' | 'product' | 'severity' | 'language' | 'channel', string>>;
    summary: ReportSummary;
    tables: ReportTable[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Runs every report query for a period (in parallel) and shapes the figures, charts and tables. */
export async function buildReport(repository: ReportRepository, f: ReportFilters, timeZone: string, now: Date): Promise<Report> {
    const [byCategory, byProduct, bySeverity, byLanguage, due, ticketRatings, articles, perHour, waits, chatRatings, conversations] = await Promise.all([
        repository.ticketsBy(f, 'category'),
        repository.ticketsBy(f, 'product'),
        repository.ticketsBy(f, 'severity'),
        repository.ticketsBy(f, 'language'),
        repository.dueTimes(f, now.toISOString()),
        repository.ticketRatings(f),
        repository.articles(f),
        repository.ticketsPerHour(f),
        repository.waits(f),
        repository.chatRatings(f),
        repository.conversations(f),
    ]);
    const tickets = byCategory.reduce((s, r) => s + r.tickets, 0);
    const byGuidance = byCategory.reduce((s, r) => s + r.byGuidance, 0);
    const dueRows = dueTable(due);
    const dueAll = due.reduce((a, r) => ({ met: a.met + r.met, missed: a.missed + r.missed }), { met: 0, missed: 0 });
    const { most, least } = articleRankings(articles);
    const grid = heatMap(perHour, timeZone);
    const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
    const labelled = (label: TicketLabel, rows: LabelRow[], title: string, column: string): ReportTable => ({
        id: `by-${label}`,
        title,
        chart: 'bar',
        columns: [column, 'Tickets'],
        rows: tally(rows),
    });
    const tables: ReportTable[] = [
        { id: 'deflection', title: 'Resolved by guidance', chart: 'doughnut', columns: ['Outcome', 'Tickets'], rows: [['Resolved by guidance', byGuidance], ['Needed the desk', tickets - byGuidance]] },
        labelled('category', byCategory, 'Tickets by category', 'Category'),
        labelled('product', byProduct, 'Tickets by product', 'Product'),
        labelled('severity', bySeverity, 'Tickets by severity', 'Severity'),
        labelled('language', byLanguage, 'Tickets by language', 'Language'),
        { id: 'due-times', title: 'First-response due times', chart: 'stacked', columns: ['Severity', 'Met', 'Missed', 'Pending', 'Met %'], rows: dueRows },
        { id: 'waits', title: 'Wait for an agent', chart: 'bar', columns: ['Wait', 'Customers'], rows: waitBuckets(waits) },
        { id: 'ratings', title: 'Ratings', chart: 'stacked', columns: ['Stars', 'Tickets', 'Live chats'], rows: ratingTable(ticketRatings, chatRatings) },
        { id: 'articles-most', title: 'Articles that resolve most', chart: 'bar', columns: ['Article', 'Resolved', 'Shown', 'Resolved %'], rows: most.map((a) => [a.articleId, a.solved, a.shown, round1((a.solved / a.shown) * 100)]) },
        { id: 'articles-least', title: 'Articles that resolve least', chart: 'bar', columns: ['Article', 'Resolved (%)', 'Resolved', 'Shown'], rows: least.map((a) => [a.articleId, round1((a.solved / a.shown) * 100), a.solved, a.shown]) },
        { id: 'busiest-hours', title: `Busiest hours (${timeZone})`, chart: 'heatmap', columns: ['Weekday', ...hours], rows: WEEKDAYS.map((day, i) => [day, ...(grid[i] ?? [])]) },
    ];
    const allRatings = [...ticketRatings, ...chatRatings];
    const { fromIso: _a, toIso: _b, fromDate, toDate, ...filters } = f;
    return {
        period: { from: fromDate, to: toDate, timeZone },
        filters,
        summary: {
            conversations,
            tickets,
            resolvedByGuidance: byGuidance,
            deflectionPercent: tickets === 0 ? null : round1((byGuidance / tickets) * 100),
            dueMet: dueAll.met,
            dueMissed: dueAll.missed,
            dueMetPercent: metPercent(dueAll.met, dueAll.missed) ?? null,
            medianWaitSeconds: percentile(waits, 50) ?? null,
            p90WaitSeconds: percentile(waits, 90) ?? null,
            chatsAccepted: waits.reduce((s, w) => s + w.count, 0),
            averageRating: averageRating(allRatings) ?? null,
        },
        tables,
    };
}
