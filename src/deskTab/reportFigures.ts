import { DateTime } from 'luxon';
import type { ArticleRow, CountRow, DueRow, LabelRow } from './reportRepository';

/** One chart and its table: the same rows draw the chart, fill the table and make the CSV. */
export interface ReportTable {
    id: string;
    title: string;
    chart: 'bar' | 'stacked' | 'doughnut' | 'heatmap';
    columns: string[];
    rows: Array<Array<string | number>>;
}

/** The nearest-rank percentile (0-100) of a histogram of integer values; undefined when empty. */
export function percentile(histogram: CountRow[], p: number): number | undefined {
    const sorted = histogram.map((h) => ({ value: Number(h.key), count: h.count })).sort((a, b) => a.value - b.value);
    const total = sorted.reduce((sum, h) => sum + h.count, 0);
    if (total === 0) return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * total));
    let seen = 0;
    for (const h of sorted) {
        seen += h.count;
        if (seen >= rank) return h.value;
    }
    return sorted[sorted.length - 1]?.value;
}

/** Tickets per value, largest first. */
export function tally(rows: LabelRow[]): Array<[string, number]> {
    return rows.map((r): [string, number] => [r.value, r.tickets]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Met share of answered-or-overdue tickets, in whole percent; undefined when none is decided yet. */
export function metPercent(met: number, missed: number): number | undefined {
    return met + missed === 0 ? undefined : Math.round((met / (met + missed)) * 1000) / 10;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Folds tickets per UTC hour into weekday × hour of the partner's time zone (7 × 24 counts, Monday first). */
export function heatMap(perHour: CountRow[], timeZone: string): number[][] {
    const grid = WEEKDAYS.map(() => new Array<number>(24).fill(0));
    for (const { key, count } of perHour) {
        const local = DateTime.fromISO(`${key}:00:00Z`).setZone(timeZone);
        if (!local.isValid) continue;
        const row = grid[local.weekday - 1];
        if (row) row[local.hour] = (row[local.hour] ?? 0) + count;
    }
    return grid;
}

const WAIT_BUCKETS: Array<[string, number]> = [
    ['under 1 min', 60],
    ['1–2 min', 120],
    ['2–5 min', 300],
    ['5–10 min', 600],
    ['10 min or more', Infinity],
];

/** Customers per wait bucket. */
export function waitBuckets(histogram: CountRow[]): Array<[string, number]> {
    const counts = WAIT_BUCKETS.map(([label]) => [label, 0] as [string, number]);
    for (const { key, count } of histogram) {
        const index = WAIT_BUCKETS.findIndex(([, limit]) => Number(key) < limit);
        const bucket = counts[index];
        if (bucket) bucket[1] += count;
    }
    return counts;
}

/** Due times met per severity, with an "All" row first. */
export function dueTable(rows: DueRow[]): Array<Array<string | number>> {
    const all = rows.reduce((a, r) => ({ met: a.met + r.met, missed: a.missed + r.missed, pending: a.pending + r.pending }), { met: 0, missed: 0, pending: 0 });
    const line = (label: string, r: { met: number; missed: number; pending: number }) => [label, r.met, r.missed, r.pending, metPercent(r.met, r.missed) ?? '–'];
    const bySeverity = [...rows].sort((a, b) => (a.severity ?? 'Z').localeCompare(b.severity ?? 'Z')).map((r) => line(`Severity ${r.severity ?? '?'}`, r));
    return [line('All', all), ...bySeverity];
}

/** Articles that resolve most (by tickets solved) and least (by share solved of those shown). */
export function articleRankings(rows: ArticleRow[], limit = 10): { most: ArticleRow[]; least: ArticleRow[] } {
    const most = [...rows].filter((r) => r.solved > 0).sort((a, b) => b.solved - a.solved || a.articleId.localeCompare(b.articleId)).slice(0, limit);
    const least = [...rows].sort((a, b) => a.solved / a.shown - b.solved / b.shown || b.shown - a.shown || a.articleId.localeCompare(b.articleId)).slice(0, limit);
    return { most, least };
}

/** Ratings 1-5 side by side: tickets and live chats. */
export function ratingTable(tickets: CountRow[], chats: CountRow[]): Array<Array<string | number>> {
    const of = (rows: CountRow[], star: number) => rows.find((r) => Number(r.key) === star)?.count ?? 0;
    return [1, 2, 3, 4, 5].map((star) => [`${star}`, of(tickets, star), of(chats, star)]);
}

/** Mean of a 1-5 distribution, one decimal; undefined when nobody rated. */
export function averageRating(rows: CountRow[]): number | undefined {
    const n = rows.reduce((s, r) => s + r.count, 0);
    return n === 0 ? undefined : Math.round((rows.reduce((s, r) => s + Number(r.key) * r.count, 0) / n) * 10) / 10;
}

/** A table as CSV (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '). */
export function toCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
    const cell = (value: string | number): string => {
        let text = String(value);
        if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
