import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { fromRoot } from '../../src/paths';
import { BusinessCalendarSchema, isAlwaysOpen, WeeklyScheduleSchema, type BusinessCalendar } from '../../src/policy/businessCalendar';
import { commitmentFor, CommitmentSchema, PROGRAMME_COMMITMENTS, type Commitment } from '../../src/policy/commitments';
import { computeDueTime, outOfHoursCover, type RotaHours } from '../../src/policy/dueTime';
import type { Language, Severity } from '../../src/policy/types';

// Expected values worked out by hand. The example partner: Europe/Madrid, Mon–Thu 09:00–18:00, Fri 09:00–15:00.
const MADRID: BusinessCalendar = BusinessCalendarSchema.parse((JSON.parse(readFileSync(fromRoot('config/partner.example.json'), 'utf8')) as { hours: unknown }).hours);
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const ROTAS: RotaHours = {
    // Whenever the desk is closed (and on holidays).
    'always': WeeklyScheduleSchema.parse({ monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY }),
    // Weekends only.
    'weekends': WeeklyScheduleSchema.parse({ saturday: ALL_DAY, sunday: ALL_DAY }),
    // Weekday evenings 18:00–22:00.
    'evenings': WeeklyScheduleSchema.parse(Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '18:00', end: '22:00' }]]))),
};
const c = (commitment: unknown): Commitment => CommitmentSchema.parse(commitment);
/** The issue's example: English A answered by an on-call rota, English B and C in business hours. */
const DESK: Commitment[] = [
    c({ kind: 'break-fix', severity: 'A', languages: 'english', coverage: { onCall: 'always' }, hours: 2 }),
    c({ kind: 'break-fix', severity: 'B', languages: 'english', coverage: 'business-hours', hours: 4 }),
    c({ kind: 'break-fix', severity: 'C', languages: 'english', coverage: 'business-hours', hours: 8 }),
];
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const breakFix = (severity: Severity, language: Language, now: string, commitments: Commitment[] = DESK) =>
    computeDueTime({ category: 'technical', kind: 'break-fix', severity, language, calendar: MADRID, now: at(now), commitments, rotas: ROTAS });
const madrid = (d: DateTime) => d.setZone('Europe/Madrid').toISO({ suppressMilliseconds: true });

describe('commitments: which promise applies', () => {
    it('without partner commitments the programme decides: 2/4/8 h English around the clock, local in business hours, else a business day', () => {
        for (const [severity, hours] of [['A', 2], ['B', 4], ['C', 8]] as const) {
            assert.deepEqual(commitmentFor({ category: 'technical', kind: 'break-fix', severity, language: 'en' }), { kind: 'break-fix', severity, languages: 'english', coverage: 'around-the-clock', hours });
            assert.deepEqual(commitmentFor({ category: 'technical', kind: 'break-fix', severity, language: 'ru' }), { kind: 'break-fix', severity, languages: 'local', coverage: 'business-hours', hours });
        }
        assert.equal(commitmentFor({ category: 'technical', kind: 'advisory', severity: null, language: 'en' }).businessDay, true);
        assert.equal(commitmentFor({ category: 'commercial', kind: null, severity: 'A', language: 'es' }).businessDay, true);
        assert.equal(PROGRAMME_COMMITMENTS.length, 7);
    });

    it("the partner's first matching commitment wins; what it does not cover stays the programme's", () => {
        const mine = [c({ kind: 'any', languages: 'local', coverage: 'business-hours', hours: 6 }), c({ kind: 'break-fix', languages: 'local', coverage: 'business-hours', hours: 1 })];
        assert.equal(commitmentFor({ category: 'technical', kind: 'break-fix', severity: 'A', language: 'pt' }, mine).hours, 6);
        assert.equal(commitmentFor({ category: 'commercial', kind: null, severity: null, language: 'es' }, mine).hours, 6);
        assert.equal(commitmentFor({ category: 'technical', kind: 'break-fix', severity: 'A', language: 'en' }, mine).coverage, 'around-the-clock');
    });

    it('English C at 21:56 on a Tuesday: the programme says 05:56, a business-hours commitment counts from 09:00 opening', () => {
        assert.equal(madrid(breakFix('C', 'en', '2026-06-02T21:56:00+02:00', []).dueAt), '2026-06-03T05:56:00+02:00');
        const due = breakFix('C', 'en', '2026-06-02T21:56:00+02:00');
        assert.equal(madrid(due.dueAt), '2026-06-03T17:00:00+02:00');
        assert.equal(due.basis, 'business-hours');
    });

    it('an on-call rota keeps the clock running while the desk is closed: English A Saturday 23:30 → Sunday 01:30', () => {
        const due = breakFix('A', 'en', '2026-06-06T23:30:00+02:00');
        assert.deepEqual({ at: madrid(due.dueAt), basis: due.basis, hours: due.hours, onCall: due.onCall }, { at: '2026-06-07T01:30:00+02:00', basis: 'on-call', hours: 2, onCall: 'always' });
    });

    it('the clock runs only while the desk or the rota works: a weekend rota leaves Tuesday night uncovered', () => {
        const weekendsOnly = [c({ kind: 'break-fix', severity: 'A', coverage: { onCall: 'weekends' }, hours: 2 })];
        assert.equal(madrid(breakFix('A', 'en', '2026-06-02T21:00:00+02:00', weekendsOnly).dueAt), '2026-06-03T11:00:00+02:00');
        // Friday 14:00: one hour of desk, the desk closes at 15:00 and the weekend rota starts at midnight → Saturday 01:00.
        assert.equal(madrid(breakFix('A', 'es', '2026-06-05T14:00:00+02:00', weekendsOnly).dueAt), '2026-06-06T01:00:00+02:00');
        // Evening rota: Tuesday 21:30 → 0.5 h of rota, then 1.5 h from Wednesday 09:00 → 10:30.
        const evenings = [c({ kind: 'break-fix', severity: 'A', coverage: { onCall: 'evenings' }, hours: 2 })];
        assert.equal(madrid(breakFix('A', 'en', '2026-06-02T21:30:00+02:00', evenings).dueAt), '2026-06-03T10:30:00+02:00');
        // Desk closing 18:00 touches the rota's 18:00: Tuesday 17:00 → 1 h desk + 1 h rota → 19:00.
        assert.equal(madrid(breakFix('A', 'en', '2026-06-02T17:00:00+02:00', evenings).dueAt), '2026-06-02T19:00:00+02:00');
    });

    it('a partner can promise local-language Severity A within 1 hour and advisory within 4 business hours', () => {
        const mine = [c({ kind: 'break-fix', severity: 'A', languages: 'local', hours: 1 }), c({ kind: 'advisory', hours: 4 })];
        assert.equal(madrid(breakFix('A', 'es', '2026-06-03T10:00:00+02:00', mine).dueAt), '2026-06-03T11:00:00+02:00');
        const advisory = computeDueTime({ category: 'technical', kind: 'advisory', severity: null, language: 'en', calendar: MADRID, now: at('2026-06-03T16:00:00+02:00'), commitments: mine });
        assert.equal(madrid(advisory.dueAt), '2026-06-04T11:00:00+02:00');
        assert.equal(advisory.basis, 'business-hours');
    });
});

describe('commitments: who answers out of hours', () => {
    const cover = (severity: Severity, language: Language, now: string, commitments: Commitment[] = DESK) =>
        outOfHoursCover({ category: 'technical', kind: 'break-fix', severity, language, calendar: MADRID, now: at(now), commitments, rotas: ROTAS });

    it('while the desk is open there is nothing to say', () => {
        assert.deepEqual(cover('A', 'en', '2026-06-03T10:00:00+02:00'), { deskOpen: true });
    });

    it("Saturday night: the desk opens Monday 09:00 and English A's rota answers from now", () => {
        const result = cover('A', 'en', '2026-06-06T23:30:00+02:00');
        assert.ok(!result.deskOpen);
        assert.equal(madrid(result.opensAt), '2026-06-08T09:00:00+02:00');
        assert.equal(result.onCall?.id, 'always');
        assert.equal(madrid(result.onCall.from), '2026-06-06T23:30:00+02:00');
    });

    it('English C and Spanish A have nobody before the desk opens', () => {
        for (const [severity, language] of [['C', 'en'], ['A', 'es']] as const) {
            const result = cover(severity, language, '2026-06-06T23:30:00+02:00');
            assert.ok(!result.deskOpen && !result.onCall, `${severity} ${language}`);
        }
    });

    it('a rota that starts before the desk opens is named with its start; one that starts later is not', () => {
        const weekendsOnly = [c({ kind: 'break-fix', coverage: { onCall: 'weekends' }, hours: 2 })];
        const friday = cover('B', 'en', '2026-06-05T20:00:00+02:00', weekendsOnly);
        assert.ok(!friday.deskOpen && friday.onCall);
        assert.equal(madrid(friday.onCall.from), '2026-06-06T00:00:00+02:00');
        assert.ok(!cover('B', 'en', '2026-06-02T20:00:00+02:00', weekendsOnly).deskOpen);
        assert.equal((cover('B', 'en', '2026-06-02T20:00:00+02:00', weekendsOnly) as { onCall?: unknown }).onCall, undefined);
    });
});

describe('commitments: shape', () => {
    const fails = (commitment: unknown, pattern: RegExp) => {
        const result = CommitmentSchema.safeParse(commitment);
        assert.ok(!result.success, JSON.stringify(commitment));
        assert.match(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'), pattern);
    };

    it('needs hours or a business day, not both', () => {
        fails({ kind: 'any' }, /either "hours" or "businessDay"/);
        fails({ hours: 2, businessDay: true }, /either "hours" or "businessDay"/);
    });

    it('a severity only on break-fix, a business day only in business hours, no unknown fields', () => {
        fails({ kind: 'advisory', severity: 'A', hours: 2 }, /severity: severities apply to break-fix/);
        fails({ businessDay: true, coverage: 'around-the-clock' }, /coverage: a business day is counted in business hours/);
        fails({ hours: 2, coverge: 'business-hours' }, /coverge/);
        fails({ hours: 2, languages: 'spanish' }, /languages/);
    });

    it('isAlwaysOpen: only a week with every minute open and no holidays', () => {
        assert.equal(isAlwaysOpen(MADRID), false);
        const week = { monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY };
        assert.equal(isAlwaysOpen(BusinessCalendarSchema.parse({ timeZone: 'UTC', weekly: { ...week, sunday: ALL_DAY } })), true);
        assert.equal(isAlwaysOpen(BusinessCalendarSchema.parse({ timeZone: 'UTC', weekly: { ...week, sunday: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }] } })), true);
        assert.equal(isAlwaysOpen(BusinessCalendarSchema.parse({ timeZone: 'UTC', weekly: { ...week, sunday: [{ start: '00:00', end: '23:00' }] } })), false);
        assert.equal(isAlwaysOpen(BusinessCalendarSchema.parse({ timeZone: 'UTC', weekly: { ...week, sunday: ALL_DAY }, holidays: ['2026-12-25'] })), false);
    });
});
