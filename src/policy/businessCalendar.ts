import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');
const interval = z
    .object({ start: time, end: time })
    .refine((i) => i.start < i.end, { message: 'start must be before end' });

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening intervals per weekday, in local time ("HH:mm", "24:00" for midnight at the end of a day). */
export const WeeklyScheduleSchema = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).default([])])) as Record<Weekday, z.ZodDefault<z.ZodArray<typeof interval>>>);
export type WeeklySchedule = z.infer<typeof WeeklyScheduleSchema>;

/** A partner's hours of service: an IANA time zone, a weekly schedule and holidays. */
export const BusinessCalendarSchema = z.object({
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' }),
    weekly: WeeklyScheduleSchema,
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

/** Thrown when a calendar has no business hours at all within a year. */
export class NoBusinessHoursError extends Error {
    constructor() {
        super('BusinessCalendar: no business hours within a year');
        this.name = 'NoBusinessHoursError';
    }
}

const MAX_DAYS_SEARCHED = 400;

/** The opening intervals of one local calendar day, as absolute instants, in order. */
export function intervalsOn(calendar: BusinessCalendar, day: DateTime): Array<{ open: DateTime; close: DateTime }> {
    const local = day.setZone(calendar.timeZone).startOf('day');
    if (calendar.holidays.includes(local.toISODate() ?? '')) return [];
    const weekday = WEEKDAYS[local.weekday - 1] as Weekday;
    return calendar.weekly[weekday]
        .map((i) => ({ open: atLocalTime(local, i.start), close: atLocalTime(local, i.end) }))
        .filter((i) => i.open < i.close)
        .sort((a, b) => a.open.toMillis() - b.open.toMillis());
}

function atLocalTime(day: DateTime, hhmm: string): DateTime {
    if (hhmm === '24:00') return day.plus({ days: 1 }).startOf('day');
    const [hour, minute] = hhmm.split(':').map(Number);
    // Luxon moves a wall time that does not exist (spring-forward gap) forward to a real instant.
    return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** True when `instant` falls inside the partner's hours of service. */
export function isOpen(calendar: BusinessCalendar, instant: DateTime): boolean {
    return intervalsOn(calendar, instant).some((i) => instant >= i.open && instant < i.close);
}

/** The opening intervals of one local day. */
export type DayIntervals = (day: DateTime) => Array<{ open: DateTime; close: DateTime }>;

/** The first instant at or after `start` that is inside business hours. */
export function nextOpenInstant(calendar: BusinessCalendar, start: DateTime): DateTime {
    return nextCoveredInstant((day) => intervalsOn(calendar, day), calendar.timeZone, start);
}

/** Adds `minutes` of business time to `start`: the clock runs only while the partner is open. */
export function addBusinessMinutes(calendar: BusinessCalendar, start: DateTime, minutes: number): DateTime {
    return addCoveredMinutes((day) => intervalsOn(calendar, day), calendar.timeZone, start, minutes);
}

/** The first instant at or after `start` inside the intervals `on` gives, days counted in `zone`. */
export function nextCoveredInstant(on: DayIntervals, zone: string, start: DateTime): DateTime {
    let day = start.setZone(zone).startOf('day');
    for (let n = 0; n < MAX_DAYS_SEARCHED; n++, day = day.plus({ days: 1 })) {
        for (const i of on(day)) {
            if (start < i.close) return start > i.open ? start : i.open;
        }
    }
    throw new NoBusinessHoursError();
}

/** Adds `minutes` to `start` counting only time inside the intervals `on` gives (days counted in `zone`). */
export function addCoveredMinutes(on: DayIntervals, zone: string, start: DateTime, minutes: number): DateTime {
    let remaining = minutes;
    let cursor = start;
    let day = start.setZone(zone).startOf('day');
    for (let n = 0; n < MAX_DAYS_SEARCHED; n++, day = day.plus({ days: 1 })) {
        for (const i of on(day)) {
            if (cursor >= i.close) continue;
            const from = cursor > i.open ? cursor : i.open;
            const available = i.close.diff(from, 'minutes').minutes;
            if (remaining <= available) return from.plus({ minutes: remaining });
            remaining -= available;
            cursor = i.close;
        }
    }
    throw new NoBusinessHoursError();
}

/** The intervals of several calendars on one day, merged where they overlap or touch. */
export function unionOn(calendars: BusinessCalendar[], day: DateTime): Array<{ open: DateTime; close: DateTime }> {
    const all = calendars.flatMap((c) => intervalsOn(c, day)).sort((a, b) => a.open.toMillis() - b.open.toMillis());
    const merged: Array<{ open: DateTime; close: DateTime }> = [];
    for (const i of all) {
        const last = merged[merged.length - 1];
        if (last && i.open <= last.close) last.close = i.close > last.close ? i.close : last.close;
        else merged.push({ ...i });
    }
    return merged;
}

/** True when the calendar is open every minute of every day of the week and has no holidays. */
export function isAlwaysOpen(calendar: BusinessCalendar): boolean {
    if (calendar.holidays.length > 0) return false;
    return WEEKDAYS.every((d) => {
        const sorted = [...calendar.weekly[d]].sort((a, b) => a.start.localeCompare(b.start));
        let reached = '00:00';
        for (const i of sorted) if (i.start <= reached && i.end > reached) reached = i.end;
        return reached === '24:00';
    });
}

/**
 * One business day from `start`: the clock starts at the next open instant and stops at the
 * same local time on the following business day (clamped into that day's hours).
 */
export function addBusinessDay(calendar: BusinessCalendar, start: DateTime): DateTime {
    const from = nextOpenInstant(calendar, start).setZone(calendar.timeZone);
    let day = from.startOf('day').plus({ days: 1 });
    for (let n = 0; n < MAX_DAYS_SEARCHED; n++, day = day.plus({ days: 1 })) {
        const intervals = intervalsOn(calendar, day);
        const first = intervals[0];
        const last = intervals[intervals.length - 1];
        if (!first || !last) continue;
        const target = day.set({ hour: from.hour, minute: from.minute, second: from.second, millisecond: 0 });
        if (target < first.open) return first.open;
        if (target > last.close) return last.close;
        const inside = intervals.find((i) => target >= i.open && target <= i.close);
        return inside ? target : (intervals.find((i) => i.open > target) ?? last).open;
    }
    throw new NoBusinessHoursError();
}
