import { DateTime } from 'luxon';
import { z } from 'zod';
import { CATEGORIES, LANGUAGES, PRODUCTS, SEVERITIES } from '../policy/types';

const emptyAsUndefined = (v: unknown): unknown => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** The report page's query string: a period (partner-local dates, both included) and filters. */
export const ReportQuerySchema = z.object({
    from: optional(z.iso.date()),
    to: optional(z.iso.date()),
    category: optional(z.enum(CATEGORIES)),
    product: optional(z.enum(PRODUCTS)),
    severity: optional(z.enum(SEVERITIES)),
    language: optional(z.enum(LANGUAGES)),
    channel: optional(z.string().regex(/^[a-z0-9-]{1,32}$/)),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** A period as stored timestamps compare (ISO-8601 UTC, start included, end excluded) plus the filters. */
export interface ReportFilters {
    fromIso: string;
    toIso: string;
    /** The partner-local dates shown back to the reader. */
    fromDate: string;
    toDate: string;
    category?: string;
    product?: string;
    severity?: string;
    language?: string;
    channel?: string;
}

/** Longest period one report covers (the queries stay index range scans of bounded size). */
export const MAX_REPORT_DAYS = 366;

/**
 * The filters for a parsed query: dates are days in the partner's time zone (default: the
 * 30 days up to today), turned into UTC bounds; a reversed or too long period is clamped.
 */
export function reportFilters(query: ReportQuery, timeZone: string, now: Date): ReportFilters {
    const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
    let to = query.to ? DateTime.fromISO(query.to, { zone: timeZone }) : today;
    let from = query.from ? DateTime.fromISO(query.from, { zone: timeZone }) : to.minus({ days: 29 });
    if (from > to) [from, to] = [to, from];
    if (to.diff(from, 'days').days >= MAX_REPORT_DAYS) from = to.minus({ days: MAX_REPORT_DAYS - 1 });
    const { from: _f, to: _t, ...rest } = query;
    return {
        fromIso: from.toUTC().toISO({ suppressMilliseconds: false }) ?? '',
        toIso: to.plus({ days: 1 }).toUTC().toISO({ suppressMilliseconds: false }) ?? '',
        fromDate: from.toISODate() ?? '',
        toDate: to.toISODate() ?? '',
        ...rest,
    };
}
