import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { fromRoot } from '../../src/paths';
import { BusinessCalendarSchema, type BusinessCalendar } from '../../src/policy/businessCalendar';
import { computeDueTime, MissingSeverityError, type DueBasis } from '../../src/policy/dueTime';
import { impactToSeverity, RESPONSE_HOURS } from '../../src/policy/severity';
import type { Category, Kind, Language, Severity } from '../../src/policy/types';

// ---------------------------------------------------------------------------------------------
// Calendars. Every expected value below was worked out by hand from the rules, not from the code.
// ---------------------------------------------------------------------------------------------

/** The example partner: Europe/Madrid, Mon–Thu 09:00–18:00, Fri 09:00–15:00, holidays. */
const MADRID: BusinessCalendar = BusinessCalendarSchema.parse(
    (JSON.parse(readFileSync(fromRoot('config/partner.example.json'), 'utf8')) as { hours: unknown }).hours,
);

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
/** Open around the clock, every day, in Madrid (the clock is real elapsed time, DST included). */
const MADRID_24X7 = BusinessCalendarSchema.parse({
    timeZone: 'Europe/Madrid',
    weekly: {
        monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY,
        friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY,
    },
});

const NIGHT = [{ start: '01:00', end: '05:00' }];
/** An overnight desk open every day (weekends too) 01:00–05:00 Madrid: the DST change falls inside. */
const MADRID_NIGHT = BusinessCalendarSchema.parse({
    timeZone: 'Europe/Madrid',
    weekly: {
        monday: NIGHT, tuesday: NIGHT, wednesday: NIGHT, thursday: NIGHT,
        friday: NIGHT, saturday: NIGHT, sunday: NIGHT,
    },
});

const weekdays = (start: string, end: string) => {
    const i = [{ start, end }];
    return { monday: i, tuesday: i, wednesday: i, thursday: i, friday: i };
};

/** Brazil, no DST since 2019 (always -03:00): Mon–Fri 08:00–17:00. */
const SAO_PAULO = BusinessCalendarSchema.parse({ timeZone: 'America/Sao_Paulo', weekly: weekdays('08:00', '17:00') });
/** New York (DST ends 2026-11-01 02:00 EDT → 01:00 EST): Mon–Fri 09:00–17:00. */
const NEW_YORK = BusinessCalendarSchema.parse({ timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') });
/** New York weekend desk: Sat and Sun 00:00–04:00 local. */
const NEW_YORK_WEEKEND = BusinessCalendarSchema.parse({
    timeZone: 'America/New_York',
    weekly: { saturday: [{ start: '00:00', end: '04:00' }], sunday: [{ start: '00:00', end: '04:00' }] },
});
/** Moscow (+03:00, no DST): Mon–Fri 10:00–19:00. */
const MOSCOW = BusinessCalendarSchema.parse({ timeZone: 'Europe/Moscow', weekly: weekdays('10:00', '19:00') });
/** Madrid, Mon–Fri 08:00–18:00 and Saturday mornings 10:00–13:00. */
const SATURDAY_MORNINGS = BusinessCalendarSchema.parse({
    timeZone: 'Europe/Madrid',
    weekly: { ...weekdays('08:00', '18:00'), saturday: [{ start: '10:00', end: '13:00' }] },
});
const LUNCH_DAY = [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }];
/** Madrid with a lunch break: Mon–Fri 09:00–13:00 and 14:00–18:00. */
const LUNCH = BusinessCalendarSchema.parse({
    timeZone: 'Europe/Madrid',
    weekly: { monday: LUNCH_DAY, tuesday: LUNCH_DAY, wednesday: LUNCH_DAY, thursday: LUNCH_DAY, friday: LUNCH_DAY },
});

// ---------------------------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------------------------

interface Case {
    name: string;
    calendar: BusinessCalendar;
    category: Category;
    kind: Kind | null;
    severity: Severity | null;
    language: Language;
    /** Request time, ISO with explicit offset. */
    now: string;
    /** Expected due time, ISO with explicit offset or Z. */
    expected: string;
    basis: DueBasis;
    hours: number | null;
    /** Where DST matters: real (UTC) hours elapsed between `now` and the due time. */
    elapsedHours?: number;
}

const breakFix = (severity: Severity, language: Language) =>
    ({ category: 'technical' as const, kind: 'break-fix' as const, severity, language });
const advisory = (language: Language) => ({ category: 'technical' as const, kind: 'advisory' as const, severity: null, language });
const commercial = (language: Language) => ({ category: 'commercial' as const, kind: null, severity: null, language });

const clock = (severity: Severity) => ({ basis: 'around-the-clock' as const, hours: RESPONSE_HOURS_BY_HAND[severity] });
const business = (severity: Severity) => ({ basis: 'business-hours' as const, hours: RESPONSE_HOURS_BY_HAND[severity] });
const businessDay = { basis: 'business-day' as const, hours: null };
/** docs/PROGRAMME.md table, written out independently of RESPONSE_HOURS. */
const RESPONSE_HOURS_BY_HAND: Record<Severity, number> = { A: 2, B: 4, C: 8 };

const CASES: Case[] = [
    // --- English: around the clock, now + 2/4/8 h ----------------------------------------
    { name: 'en A, Wednesday 10:00 Madrid → 12:00', calendar: MADRID, ...breakFix('A', 'en'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T12:00:00+02:00', ...clock('A') },
    { name: 'en B, Wednesday 10:00 Madrid → 14:00', calendar: MADRID, ...breakFix('B', 'en'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T14:00:00+02:00', ...clock('B') },
    { name: 'en C, Wednesday 10:00 Madrid → 18:00', calendar: MADRID, ...breakFix('C', 'en'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T18:00:00+02:00', ...clock('C') },
    { name: 'en A, Saturday 23:30 (closed) → still 2 h later, Sunday 01:30', calendar: MADRID, ...breakFix('A', 'en'), now: '2026-06-06T23:30:00+02:00', expected: '2026-06-07T01:30:00+02:00', ...clock('A') },
    { name: 'en B, Saturday 23:30 → Sunday 03:30', calendar: MADRID, ...breakFix('B', 'en'), now: '2026-06-06T23:30:00+02:00', expected: '2026-06-07T03:30:00+02:00', ...clock('B') },
    { name: 'en C, Saturday 23:30 → Sunday 07:30', calendar: MADRID, ...breakFix('C', 'en'), now: '2026-06-06T23:30:00+02:00', expected: '2026-06-07T07:30:00+02:00', ...clock('C') },
    { name: 'en A across Madrid spring-forward (01:30 CET → 04:30 CEST is 2 real hours)', calendar: MADRID, ...breakFix('A', 'en'), now: '2026-03-29T01:30:00+01:00', expected: '2026-03-29T04:30:00+02:00', ...clock('A'), elapsedHours: 2 },
    { name: 'en C across Madrid fall-back (01:00 CEST → 08:00 CET is 8 real hours)', calendar: MADRID, ...breakFix('C', 'en'), now: '2026-10-25T01:00:00+02:00', expected: '2026-10-25T08:00:00+01:00', ...clock('C'), elapsedHours: 8 },
    { name: 'en B in New York across fall-back (Sat 23:00 EDT → Sun 02:00 EST)', calendar: NEW_YORK, ...breakFix('B', 'en'), now: '2026-10-31T23:00:00-04:00', expected: '2026-11-01T02:00:00-05:00', ...clock('B'), elapsedHours: 4 },
    { name: 'en A with a lunch-break calendar ignores the break (12:30 → 14:30)', calendar: LUNCH, ...breakFix('A', 'en'), now: '2026-06-03T12:30:00+02:00', expected: '2026-06-03T14:30:00+02:00', ...clock('A') },

    // --- Local languages inside hours ------------------------------------------------------
    { name: 'es A, Wednesday 10:00 → 12:00', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T12:00:00+02:00', ...business('A') },
    { name: 'es B, Wednesday 10:00 → 14:00', calendar: MADRID, ...breakFix('B', 'es'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T14:00:00+02:00', ...business('B') },
    { name: 'es C, Wednesday 10:00 → 18:00 (ends exactly at closing, same day)', calendar: MADRID, ...breakFix('C', 'es'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-03T18:00:00+02:00', ...business('C') },
    { name: 'pt A, Wednesday 09:30 → 11:30', calendar: MADRID, ...breakFix('A', 'pt'), now: '2026-06-03T09:30:00+02:00', expected: '2026-06-03T11:30:00+02:00', ...business('A') },
    { name: 'pt B, Wednesday 09:30 → 13:30', calendar: MADRID, ...breakFix('B', 'pt'), now: '2026-06-03T09:30:00+02:00', expected: '2026-06-03T13:30:00+02:00', ...business('B') },
    { name: 'pt C, Wednesday 09:30 → 17:30', calendar: MADRID, ...breakFix('C', 'pt'), now: '2026-06-03T09:30:00+02:00', expected: '2026-06-03T17:30:00+02:00', ...business('C') },
    { name: 'ru A, Tuesday 11:15 → 13:15', calendar: MADRID, ...breakFix('A', 'ru'), now: '2026-06-02T11:15:00+02:00', expected: '2026-06-02T13:15:00+02:00', ...business('A') },
    { name: 'ru B, Tuesday 11:15 → 15:15', calendar: MADRID, ...breakFix('B', 'ru'), now: '2026-06-02T11:15:00+02:00', expected: '2026-06-02T15:15:00+02:00', ...business('B') },
    { name: 'ru C, Tuesday 11:15 → 6h45 today + 1h15 → Wednesday 10:15', calendar: MADRID, ...breakFix('C', 'ru'), now: '2026-06-02T11:15:00+02:00', expected: '2026-06-03T10:15:00+02:00', ...business('C') },

    // --- Near closing: spills to the next day -----------------------------------------------
    { name: 'es A, Thursday 17:00 → 1 h Thu + 1 h Fri → Friday 10:00', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-06-04T17:00:00+02:00', expected: '2026-06-05T10:00:00+02:00', ...business('A') },
    { name: 'pt B, Monday 16:30 → 1.5 h Mon + 2.5 h Tue → Tuesday 11:30', calendar: MADRID, ...breakFix('B', 'pt'), now: '2026-06-01T16:30:00+02:00', expected: '2026-06-02T11:30:00+02:00', ...business('B') },
    { name: 'ru A, exactly at closing Wednesday 18:00 → Thursday 11:00', calendar: MADRID, ...breakFix('A', 'ru'), now: '2026-06-03T18:00:00+02:00', expected: '2026-06-04T11:00:00+02:00', ...business('A') },

    // --- Short Friday (09:00–15:00) spilling to Monday ----------------------------------------
    { name: 'es A, Friday 14:00 → 1 h Fri + 1 h Mon → Monday 10:00', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-06-05T14:00:00+02:00', expected: '2026-06-08T10:00:00+02:00', ...business('A') },
    { name: 'ru B, Friday 14:30 → 0.5 h Fri + 3.5 h Mon → Monday 12:30', calendar: MADRID, ...breakFix('B', 'ru'), now: '2026-06-05T14:30:00+02:00', expected: '2026-06-08T12:30:00+02:00', ...business('B') },
    { name: 'pt C, Friday 13:00 → 2 h Fri + 6 h Mon → Monday 15:00', calendar: MADRID, ...breakFix('C', 'pt'), now: '2026-06-05T13:00:00+02:00', expected: '2026-06-08T15:00:00+02:00', ...business('C') },
    { name: 'es A, Friday 16:00 (after the short Friday closes) → Monday 11:00', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-06-05T16:00:00+02:00', expected: '2026-06-08T11:00:00+02:00', ...business('A') },

    // --- Weekend -----------------------------------------------------------------------------
    { name: 'es A, Saturday night 23:00 → Monday 11:00 Madrid (docs/PROGRAMME.md example)', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-06-06T23:00:00+02:00', expected: '2026-06-08T11:00:00+02:00', ...business('A') },
    { name: 'ru C, Sunday 10:00 → Monday 17:00', calendar: MADRID, ...breakFix('C', 'ru'), now: '2026-06-07T10:00:00+02:00', expected: '2026-06-08T17:00:00+02:00', ...business('C') },

    // --- Holidays ------------------------------------------------------------------------------
    { name: 'es A, Monday 2026-12-07 17:00, Tuesday 12-08 holiday → Wednesday 10:00', calendar: MADRID, ...breakFix('A', 'es'), now: '2026-12-07T17:00:00+01:00', expected: '2026-12-09T10:00:00+01:00', ...business('A') },
    { name: 'pt B, on the holiday Tuesday 2026-12-08 10:00 → Wednesday 13:00', calendar: MADRID, ...breakFix('B', 'pt'), now: '2026-12-08T10:00:00+01:00', expected: '2026-12-09T13:00:00+01:00', ...business('B') },
    { name: 'ru A, Thursday 2026-12-24 17:30, Friday 12-25 holiday → Monday 12-28 10:30', calendar: MADRID, ...breakFix('A', 'ru'), now: '2026-12-24T17:30:00+01:00', expected: '2026-12-28T10:30:00+01:00', ...business('A') },
    { name: 'es C, Thursday 2026-12-31 14:00, Friday 2027-01-01 holiday → Monday 2027-01-04 13:00', calendar: MADRID, ...breakFix('C', 'es'), now: '2026-12-31T14:00:00+01:00', expected: '2027-01-04T13:00:00+01:00', ...business('C') },

    // --- DST in Europe/Madrid ------------------------------------------------------------------
    { name: 'es C, example calendar, Friday 2026-03-27 13:00 CET over spring-forward weekend → Monday 15:00 CEST', calendar: MADRID, ...breakFix('C', 'es'), now: '2026-03-27T13:00:00+01:00', expected: '2026-03-30T15:00:00+02:00', ...business('C'), elapsedHours: 73 },
    { name: 'es C, 24x7 calendar, Sunday 2026-03-29 00:00 CET → 8 real hours → 09:00 CEST', calendar: MADRID_24X7, ...breakFix('C', 'es'), now: '2026-03-29T00:00:00+01:00', expected: '2026-03-29T07:00:00Z', ...business('C'), elapsedHours: 8 },
    { name: 'ru A, 24x7 calendar, Sunday 2026-03-29 01:30 CET → 04:30 CEST', calendar: MADRID_24X7, ...breakFix('A', 'ru'), now: '2026-03-29T01:30:00+01:00', expected: '2026-03-29T04:30:00+02:00', ...business('A'), elapsedHours: 2 },
    { name: 'es C, 24x7 calendar, Sunday 2026-10-25 00:00 CEST → 8 real hours → 07:00 CET', calendar: MADRID_24X7, ...breakFix('C', 'es'), now: '2026-10-25T00:00:00+02:00', expected: '2026-10-25T06:00:00Z', ...business('C'), elapsedHours: 8 },
    { name: 'es A, overnight desk 01:00–05:00, Sunday 2026-03-29 01:00 CET → 04:00 CEST (2 real hours)', calendar: MADRID_NIGHT, ...breakFix('A', 'es'), now: '2026-03-29T01:00:00+01:00', expected: '2026-03-29T04:00:00+02:00', ...business('A'), elapsedHours: 2 },
    { name: 'es C, overnight desk, spring-forward Sunday has only 3 h → 3 h Sun + 4 h Mon + 1 h Tue → Tuesday 02:00 CEST', calendar: MADRID_NIGHT, ...breakFix('C', 'es'), now: '2026-03-29T01:00:00+01:00', expected: '2026-03-31T02:00:00+02:00', ...business('C'), elapsedHours: 48 },
    { name: 'pt B, overnight desk, fall-back Sunday 2026-10-25 01:00 CEST → 04:00 CET (4 real hours)', calendar: MADRID_NIGHT, ...breakFix('B', 'pt'), now: '2026-10-25T01:00:00+02:00', expected: '2026-10-25T04:00:00+01:00', ...business('B'), elapsedHours: 4 },
    { name: 'es C, overnight desk, fall-back Sunday has 5 h → 5 h Sun + 3 h Mon → Monday 04:00 CET', calendar: MADRID_NIGHT, ...breakFix('C', 'es'), now: '2026-10-25T01:00:00+02:00', expected: '2026-10-26T04:00:00+01:00', ...business('C'), elapsedHours: 28 },
    { name: 'advisory es, Friday 2026-03-27 10:00 CET → Monday 10:00 CEST (same local time, 71 real hours)', calendar: MADRID, ...advisory('es'), now: '2026-03-27T10:00:00+01:00', expected: '2026-03-30T10:00:00+02:00', ...businessDay, elapsedHours: 71 },

    // --- Partners in other zones --------------------------------------------------------------
    { name: 'São Paulo, pt B, Friday 15:00 → 2 h Fri + 2 h Mon → Monday 10:00 -03:00', calendar: SAO_PAULO, ...breakFix('B', 'pt'), now: '2026-06-05T15:00:00-03:00', expected: '2026-06-08T10:00:00-03:00', ...business('B') },
    { name: 'São Paulo (no DST in November), pt A, Saturday 2026-11-07 → Monday 10:00 -03:00', calendar: SAO_PAULO, ...breakFix('A', 'pt'), now: '2026-11-07T12:00:00-03:00', expected: '2026-11-09T10:00:00-03:00', ...business('A') },
    { name: 'New York, es B, Friday 2026-10-30 15:00 EDT over fall-back weekend → Monday 11:00 EST', calendar: NEW_YORK, ...breakFix('B', 'es'), now: '2026-10-30T15:00:00-04:00', expected: '2026-11-02T11:00:00-05:00', ...business('B'), elapsedHours: 69 },
    { name: 'New York weekend desk, ru A, Sunday 2026-11-01 00:30 EDT → 01:30 EST (2 real hours)', calendar: NEW_YORK_WEEKEND, ...breakFix('A', 'ru'), now: '2026-11-01T00:30:00-04:00', expected: '2026-11-01T01:30:00-05:00', ...business('A'), elapsedHours: 2 },
    { name: 'Moscow, ru C, Monday 15:00 → 4 h Mon + 4 h Tue → Tuesday 14:00 +03:00', calendar: MOSCOW, ...breakFix('C', 'ru'), now: '2026-06-01T15:00:00+03:00', expected: '2026-06-02T14:00:00+03:00', ...business('C') },
    { name: 'Moscow, ru A, Friday 18:30 → 0.5 h Fri + 1.5 h Mon → Monday 11:30 +03:00', calendar: MOSCOW, ...breakFix('A', 'ru'), now: '2026-06-05T18:30:00+03:00', expected: '2026-06-08T11:30:00+03:00', ...business('A') },
    { name: 'Moscow, ru B, given in UTC: Wednesday 06:00Z = 09:00 MSK (closed) → 10:00 + 4 h → 14:00 MSK', calendar: MOSCOW, ...breakFix('B', 'ru'), now: '2026-06-03T06:00:00Z', expected: '2026-06-03T11:00:00Z', ...business('B') },

    // --- One business day (advisory and commercial) ----------------------------------------
    { name: 'advisory es, Tuesday 11:00 → Wednesday 11:00', calendar: MADRID, ...advisory('es'), now: '2026-06-02T11:00:00+02:00', expected: '2026-06-03T11:00:00+02:00', ...businessDay },
    { name: 'commercial en (English is not faster), Tuesday 11:00 → Wednesday 11:00', calendar: MADRID, ...commercial('en'), now: '2026-06-02T11:00:00+02:00', expected: '2026-06-03T11:00:00+02:00', ...businessDay },
    { name: 'commercial pt, Monday 09:00 (opening) → Tuesday 09:00', calendar: MADRID, ...commercial('pt'), now: '2026-06-01T09:00:00+02:00', expected: '2026-06-02T09:00:00+02:00', ...businessDay },
    { name: 'advisory en, Thursday 16:00 → Friday closes 15:00 → clamped to Friday 15:00', calendar: MADRID, ...advisory('en'), now: '2026-06-04T16:00:00+02:00', expected: '2026-06-05T15:00:00+02:00', ...businessDay },
    { name: 'commercial ru, Wednesday 20:00 (after closing) → clock starts Thu 09:00 → Friday 09:00', calendar: MADRID, ...commercial('ru'), now: '2026-06-03T20:00:00+02:00', expected: '2026-06-05T09:00:00+02:00', ...businessDay },
    { name: 'advisory en, Wednesday 07:00 (before opening) → clock starts 09:00 → Thursday 09:00', calendar: MADRID, ...advisory('en'), now: '2026-06-03T07:00:00+02:00', expected: '2026-06-04T09:00:00+02:00', ...businessDay },
    { name: 'commercial es, Saturday 12:00 → clock starts Mon 09:00 → Tuesday 09:00', calendar: MADRID, ...commercial('es'), now: '2026-06-06T12:00:00+02:00', expected: '2026-06-09T09:00:00+02:00', ...businessDay },
    { name: 'commercial es, Friday 15:00 (exactly at closing) → clock starts Mon 09:00 → Tuesday 09:00', calendar: MADRID, ...commercial('es'), now: '2026-06-05T15:00:00+02:00', expected: '2026-06-09T09:00:00+02:00', ...businessDay },
    { name: 'advisory es, Friday 14:00 → Monday 14:00', calendar: MADRID, ...advisory('es'), now: '2026-06-05T14:00:00+02:00', expected: '2026-06-08T14:00:00+02:00', ...businessDay },
    { name: 'commercial es, Monday 2026-12-07 10:00, holiday Tuesday skipped → Wednesday 10:00', calendar: MADRID, ...commercial('es'), now: '2026-12-07T10:00:00+01:00', expected: '2026-12-09T10:00:00+01:00', ...businessDay },
    { name: 'advisory pt, Thursday 2026-12-24 17:00, holiday Friday skipped → Monday 12-28 17:00', calendar: MADRID, ...advisory('pt'), now: '2026-12-24T17:00:00+01:00', expected: '2026-12-28T17:00:00+01:00', ...businessDay },
    { name: 'commercial en with a severity set still gets one business day', calendar: MADRID, category: 'commercial', kind: null, severity: 'A', language: 'en', now: '2026-06-03T10:00:00+02:00', expected: '2026-06-04T10:00:00+02:00', ...businessDay },
    { name: 'advisory es, Friday 09:00, next day Saturday opens 10:00 → clamped to Saturday 10:00', calendar: SATURDAY_MORNINGS, ...advisory('es'), now: '2026-06-05T09:00:00+02:00', expected: '2026-06-06T10:00:00+02:00', ...businessDay },
    { name: 'commercial es, Friday 16:00, Saturday closes 13:00 → clamped to Saturday 13:00', calendar: SATURDAY_MORNINGS, ...commercial('es'), now: '2026-06-05T16:00:00+02:00', expected: '2026-06-06T13:00:00+02:00', ...businessDay },
    { name: 'advisory ru, Saturday 11:00, Sunday closed → Monday 11:00', calendar: SATURDAY_MORNINGS, ...advisory('ru'), now: '2026-06-06T11:00:00+02:00', expected: '2026-06-08T11:00:00+02:00', ...businessDay },
    { name: 'commercial pt, São Paulo, Friday 16:00 -03:00 → Monday 16:00 -03:00', calendar: SAO_PAULO, ...commercial('pt'), now: '2026-06-05T16:00:00-03:00', expected: '2026-06-08T16:00:00-03:00', ...businessDay },

    // --- Lunch break (two intervals per day) -----------------------------------------------------
    { name: 'lunch: es B, Wednesday 11:00 → 2 h to 13:00 + 2 h from 14:00 → 16:00', calendar: LUNCH, ...breakFix('B', 'es'), now: '2026-06-03T11:00:00+02:00', expected: '2026-06-03T16:00:00+02:00', ...business('B') },
    { name: 'lunch: pt A, Wednesday 12:30 → 0.5 h + 1.5 h after lunch → 15:30', calendar: LUNCH, ...breakFix('A', 'pt'), now: '2026-06-03T12:30:00+02:00', expected: '2026-06-03T15:30:00+02:00', ...business('A') },
    { name: 'lunch: ru A, during lunch 13:20 → clock starts 14:00 → 16:00', calendar: LUNCH, ...breakFix('A', 'ru'), now: '2026-06-03T13:20:00+02:00', expected: '2026-06-03T16:00:00+02:00', ...business('A') },
    { name: 'lunch: es C, Wednesday 10:00 → 3 h + 4 h + 1 h Thursday → Thursday 10:00', calendar: LUNCH, ...breakFix('C', 'es'), now: '2026-06-03T10:00:00+02:00', expected: '2026-06-04T10:00:00+02:00', ...business('C') },
    { name: 'lunch: pt C, Wednesday 17:00 → 1 h + 4 h morning + 3 h afternoon → Thursday 17:00', calendar: LUNCH, ...breakFix('C', 'pt'), now: '2026-06-03T17:00:00+02:00', expected: '2026-06-04T17:00:00+02:00', ...business('C') },
    { name: 'lunch: advisory es during lunch 13:30 → clock starts 14:00 → Thursday 14:00', calendar: LUNCH, ...advisory('es'), now: '2026-06-03T13:30:00+02:00', expected: '2026-06-04T14:00:00+02:00', ...businessDay },
    { name: 'lunch: commercial es, Wednesday 12:00 → Thursday 12:00', calendar: LUNCH, ...commercial('es'), now: '2026-06-03T12:00:00+02:00', expected: '2026-06-04T12:00:00+02:00', ...businessDay },
];

describe('computeDueTime (table)', () => {
    it('has at least 36 cases with unique names', () => {
        assert.ok(CASES.length >= 36, `only ${CASES.length} cases`);
        assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length);
    });

    for (const c of CASES) {
        it(c.name, () => {
            const now = DateTime.fromISO(c.now, { setZone: true });
            assert.ok(now.isValid, `bad now ${c.now}`);
            const expected = DateTime.fromISO(c.expected, { setZone: true });
            assert.ok(expected.isValid, `bad expected ${c.expected}`);

            const due = computeDueTime({
                category: c.category,
                kind: c.kind,
                severity: c.severity,
                language: c.language,
                calendar: c.calendar,
                now,
            });

            assert.equal(
                due.dueAt.toUTC().toISO(),
                expected.toUTC().toISO(),
                `due ${due.dueAt.setZone(c.calendar.timeZone).toISO()} (${c.calendar.timeZone}), expected ${c.expected}`,
            );
            assert.equal(due.basis, c.basis);
            assert.equal(due.hours, c.hours);
            if (c.elapsedHours !== undefined) {
                assert.equal(due.dueAt.diff(now, 'hours').hours, c.elapsedHours);
            }
        });
    }
});

describe('computeDueTime (other rules)', () => {
    it('returns dueAt in UTC', () => {
        const due = computeDueTime({ ...breakFix('A', 'es'), calendar: MADRID, now: DateTime.fromISO('2026-06-03T10:00:00+02:00', { setZone: true }) });
        assert.equal(due.dueAt.zoneName, 'UTC');
    });

    it('throws MissingSeverityError for a technical break-fix case without severity', () => {
        for (const language of ['en', 'es', 'pt', 'ru'] as const) {
            assert.throws(
                () => computeDueTime({ category: 'technical', kind: 'break-fix', severity: null, language, calendar: MADRID, now: DateTime.fromISO('2026-06-03T10:00:00+02:00') }),
                (err: unknown) => err instanceof MissingSeverityError && err.name === 'MissingSeverityError',
            );
        }
    });

    it('does not need a severity for advisory or commercial cases', () => {
        assert.doesNotThrow(() => computeDueTime({ ...advisory('es'), calendar: MADRID, now: DateTime.fromISO('2026-06-03T10:00:00+02:00') }));
        assert.doesNotThrow(() => computeDueTime({ ...commercial('es'), calendar: MADRID, now: DateTime.fromISO('2026-06-03T10:00:00+02:00') }));
    });
});

describe('impactToSeverity and RESPONSE_HOURS', () => {
    it('critical → A', () => assert.equal(impactToSeverity('critical'), 'A'));
    it('moderate → B', () => assert.equal(impactToSeverity('moderate'), 'B'));
    it('minimal → C', () => assert.equal(impactToSeverity('minimal'), 'C'));
    it('A/B/C → 2/4/8 hours', () => assert.deepEqual(RESPONSE_HOURS, { A: 2, B: 4, C: 8 }));
});
