import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { fromRoot } from '../../src/paths';
import {
    addBusinessDay,
    addBusinessMinutes,
    BusinessCalendarSchema,
    isOpen,
    nextOpenInstant,
    NoBusinessHoursError,
    type BusinessCalendar,
} from '../../src/policy/businessCalendar';

/** The example partner: Europe/Madrid, Mon–Thu 09:00–18:00, Fri 09:00–15:00, holidays. */
const MADRID: BusinessCalendar = BusinessCalendarSchema.parse(
    (JSON.parse(readFileSync(fromRoot('config/partner.example.json'), 'utf8')) as { hours: unknown }).hours,
);

const LUNCH_DAY = [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }];
const LUNCH = BusinessCalendarSchema.parse({
    timeZone: 'Europe/Madrid',
    weekly: { monday: LUNCH_DAY, tuesday: LUNCH_DAY, wednesday: LUNCH_DAY, thursday: LUNCH_DAY, friday: LUNCH_DAY },
});

const NO_HOURS = BusinessCalendarSchema.parse({ timeZone: 'Europe/Madrid', weekly: {} });

const at = (iso: string) => {
    const d = DateTime.fromISO(iso, { setZone: true });
    assert.ok(d.isValid, `bad ISO ${iso}`);
    return d;
};
const sameInstant = (actual: DateTime, expectedIso: string) =>
    assert.equal(actual.toUTC().toISO(), at(expectedIso).toUTC().toISO(), `got ${actual.setZone('Europe/Madrid').toISO()}, expected ${expectedIso}`);

describe('BusinessCalendarSchema', () => {
    const valid = { timeZone: 'Europe/Madrid', weekly: { monday: [{ start: '09:00', end: '18:00' }] } };

    it('accepts the example partner hours', () => {
        assert.equal(MADRID.timeZone, 'Europe/Madrid');
        assert.deepEqual(MADRID.weekly.friday, [{ start: '09:00', end: '15:00' }]);
        assert.deepEqual(MADRID.weekly.saturday, []);
        assert.ok(MADRID.holidays.includes('2026-12-08'));
        assert.ok(MADRID.holidays.includes('2026-12-25'));
    });

    it('defaults missing days and holidays to empty lists', () => {
        const c = BusinessCalendarSchema.parse(valid);
        assert.deepEqual(c.weekly.tuesday, []);
        assert.deepEqual(c.weekly.sunday, []);
        assert.deepEqual(c.holidays, []);
    });

    it('accepts 24:00 as an end time', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '00:00', end: '24:00' }] } }).success, true);
    });

    it('rejects a time zone that is not IANA ("Mars/Olympus")', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, timeZone: 'Mars/Olympus' }).success, false);
    });

    it('rejects a bad time ("25:00")', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '09:00', end: '25:00' }] } }).success, false);
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '25:00', end: '26:00' }] } }).success, false);
    });

    it('rejects a malformed time ("9:00", "09:60")', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '9:00', end: '18:00' }] } }).success, false);
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '09:60', end: '18:00' }] } }).success, false);
    });

    it('rejects start equal to end', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '10:00', end: '10:00' }] } }).success, false);
    });

    it('rejects start after end', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, weekly: { monday: [{ start: '18:00', end: '09:00' }] } }).success, false);
    });

    it('rejects a malformed holiday date', () => {
        assert.equal(BusinessCalendarSchema.safeParse({ ...valid, holidays: ['2026-12-8'] }).success, false);
    });
});

describe('isOpen', () => {
    const cases: Array<[string, string, boolean, BusinessCalendar?]> = [
        ['Wednesday 10:00 Madrid', '2026-06-03T10:00:00+02:00', true],
        ['Wednesday 09:00 exactly (opening is inclusive)', '2026-06-03T09:00:00+02:00', true],
        ['Wednesday 08:59', '2026-06-03T08:59:00+02:00', false],
        ['Wednesday 17:59', '2026-06-03T17:59:00+02:00', true],
        ['Wednesday 18:00 exactly (closing is exclusive)', '2026-06-03T18:00:00+02:00', false],
        ['Friday 14:30', '2026-06-05T14:30:00+02:00', true],
        ['Friday 15:30 (short Friday)', '2026-06-05T15:30:00+02:00', false],
        ['Saturday 11:00', '2026-06-06T11:00:00+02:00', false],
        ['Sunday 11:00', '2026-06-07T11:00:00+02:00', false],
        ['holiday Tuesday 2026-12-08 11:00', '2026-12-08T11:00:00+01:00', false],
        ['holiday Friday 2026-12-25 11:00', '2026-12-25T11:00:00+01:00', false],
        ['instant given in UTC, 07:30Z = 09:30 Madrid summer', '2026-06-03T07:30:00Z', true],
        ['instant given in UTC, 16:30Z = 18:30 Madrid summer', '2026-06-03T16:30:00Z', false],
        ['instant given in UTC, 08:30Z = 09:30 Madrid winter', '2026-12-09T08:30:00Z', true],
        ['instant in New York, Tuesday 03:30 -04:00 = 09:30 Madrid', '2026-06-02T03:30:00-04:00', true],
        ['lunch calendar 12:59', '2026-06-03T12:59:00+02:00', true, LUNCH],
        ['lunch calendar 13:00 (lunch)', '2026-06-03T13:00:00+02:00', false, LUNCH],
        ['lunch calendar 13:30 (lunch)', '2026-06-03T13:30:00+02:00', false, LUNCH],
        ['lunch calendar 14:00 (back)', '2026-06-03T14:00:00+02:00', true, LUNCH],
    ];
    for (const [name, iso, expected, calendar] of cases) {
        it(`${name} → ${expected ? 'open' : 'closed'}`, () => assert.equal(isOpen(calendar ?? MADRID, at(iso)), expected));
    }
});

describe('nextOpenInstant', () => {
    const cases: Array<[string, string, string, BusinessCalendar?]> = [
        ['an open instant is returned unchanged', '2026-06-03T10:15:00+02:00', '2026-06-03T10:15:00+02:00'],
        ['opening time itself', '2026-06-03T09:00:00+02:00', '2026-06-03T09:00:00+02:00'],
        ['before opening → 09:00 the same day', '2026-06-03T06:00:00+02:00', '2026-06-03T09:00:00+02:00'],
        ['exactly at closing → next day 09:00', '2026-06-03T18:00:00+02:00', '2026-06-04T09:00:00+02:00'],
        ['Friday after 15:00 → Monday 09:00', '2026-06-05T15:00:00+02:00', '2026-06-08T09:00:00+02:00'],
        ['Saturday → Monday 09:00', '2026-06-06T12:00:00+02:00', '2026-06-08T09:00:00+02:00'],
        ['Monday evening before the 12-08 holiday → Wednesday 09:00', '2026-12-07T19:00:00+01:00', '2026-12-09T09:00:00+01:00'],
        ['Thursday 12-24 evening, Friday 12-25 holiday → Monday 12-28 09:00', '2026-12-24T18:30:00+01:00', '2026-12-28T09:00:00+01:00'],
        ['Saturday 2026-03-28 before spring-forward → Monday 09:00 CEST', '2026-03-28T12:00:00+01:00', '2026-03-30T09:00:00+02:00'],
        ['given in UTC late Sunday → Monday 09:00 Madrid', '2026-06-07T23:00:00Z', '2026-06-08T09:00:00+02:00'],
        ['lunch calendar, during lunch → 14:00', '2026-06-03T13:30:00+02:00', '2026-06-03T14:00:00+02:00', LUNCH],
    ];
    for (const [name, iso, expected, calendar] of cases) {
        it(name, () => sameInstant(nextOpenInstant(calendar ?? MADRID, at(iso)), expected));
    }

    it('throws NoBusinessHoursError for a calendar with no hours', () => {
        assert.throws(() => nextOpenInstant(NO_HOURS, at('2026-06-03T10:00:00+02:00')), NoBusinessHoursError);
    });
});

describe('addBusinessMinutes', () => {
    const cases: Array<[string, string, number, string, BusinessCalendar?]> = [
        ['0 minutes at an open instant → the same instant', '2026-06-03T10:00:00+02:00', 0, '2026-06-03T10:00:00+02:00'],
        ['30 minutes inside hours', '2026-06-03T10:00:00+02:00', 30, '2026-06-03T10:30:00+02:00'],
        ['ending exactly at closing time stays on the same day (17:00 + 60 → 18:00)', '2026-06-03T17:00:00+02:00', 60, '2026-06-03T18:00:00+02:00'],
        ['starting exactly at closing time → next day (18:00 + 60 → Thu 10:00)', '2026-06-03T18:00:00+02:00', 60, '2026-06-04T10:00:00+02:00'],
        ['one minute past closing budget spills to the next day (17:00 + 61 → Thu 09:01)', '2026-06-03T17:00:00+02:00', 61, '2026-06-04T09:01:00+02:00'],
        ['before opening, the clock starts at 09:00 (07:00 + 90 → 10:30)', '2026-06-03T07:00:00+02:00', 90, '2026-06-03T10:30:00+02:00'],
        ['Friday 14:30 + 60 → 30 Fri + 30 Mon → Monday 09:30', '2026-06-05T14:30:00+02:00', 60, '2026-06-08T09:30:00+02:00'],
        ['across the 12-08 holiday: Monday 17:30 + 90 → Wednesday 10:00', '2026-12-07T17:30:00+01:00', 90, '2026-12-09T10:00:00+01:00'],
        ['across the 12-25 holiday: Thursday 17:00 + 120 → Monday 12-28 10:00', '2026-12-24T17:00:00+01:00', 120, '2026-12-28T10:00:00+01:00'],
        ['a whole business week (4×9 h + 6 h = 2520 min) from Monday 09:00 → Friday 15:00', '2026-06-01T09:00:00+02:00', 2520, '2026-06-05T15:00:00+02:00'],
        ['a whole business week + 1 min from Monday 09:00 → next Monday 09:01', '2026-06-01T09:00:00+02:00', 2521, '2026-06-08T09:01:00+02:00'],
        ['lunch calendar: 12:00 + 120 → 60 before lunch + 60 after → 15:00', '2026-06-03T12:00:00+02:00', 120, '2026-06-03T15:00:00+02:00', LUNCH],
        ['lunch calendar: ending exactly at 13:00 stays at 13:00', '2026-06-03T12:00:00+02:00', 60, '2026-06-03T13:00:00+02:00', LUNCH],
    ];
    for (const [name, iso, minutes, expected, calendar] of cases) {
        it(name, () => sameInstant(addBusinessMinutes(calendar ?? MADRID, at(iso), minutes), expected));
    }

    it('throws NoBusinessHoursError for a calendar with no hours', () => {
        assert.throws(() => addBusinessMinutes(NO_HOURS, at('2026-06-03T10:00:00+02:00'), 60), NoBusinessHoursError);
    });

    it('a calendar open one hour a week: Wednesday 09:00 + 120 min → 60 this week + 60 next → Wednesday 10:00 a week later', () => {
        const wednesdayHour = BusinessCalendarSchema.parse({
            timeZone: 'Europe/Madrid',
            weekly: { wednesday: [{ start: '09:00', end: '10:00' }] },
        });
        sameInstant(addBusinessMinutes(wednesdayHour, at('2026-06-03T09:00:00+02:00'), 120), '2026-06-10T10:00:00+02:00');
    });
});

describe('addBusinessDay', () => {
    const cases: Array<[string, string, string, BusinessCalendar?]> = [
        ['Tuesday 11:00 → Wednesday 11:00', '2026-06-02T11:00:00+02:00', '2026-06-03T11:00:00+02:00'],
        ['Thursday 16:00 → Friday closes 15:00 → Friday 15:00', '2026-06-04T16:00:00+02:00', '2026-06-05T15:00:00+02:00'],
        ['Wednesday 20:00 → starts Thursday 09:00 → Friday 09:00', '2026-06-03T20:00:00+02:00', '2026-06-05T09:00:00+02:00'],
        ['Sunday → starts Monday 09:00 → Tuesday 09:00', '2026-06-07T10:00:00+02:00', '2026-06-09T09:00:00+02:00'],
        ['Monday 12-07 10:00, holiday Tuesday → Wednesday 10:00', '2026-12-07T10:00:00+01:00', '2026-12-09T10:00:00+01:00'],
        ['lunch calendar, during lunch → starts 14:00 → next day 14:00', '2026-06-03T13:30:00+02:00', '2026-06-04T14:00:00+02:00', LUNCH],
    ];
    for (const [name, iso, expected, calendar] of cases) {
        it(name, () => sameInstant(addBusinessDay(calendar ?? MADRID, at(iso)), expected));
    }

    it('throws NoBusinessHoursError for a calendar with no hours', () => {
        assert.throws(() => addBusinessDay(NO_HOURS, at('2026-06-03T10:00:00+02:00')), NoBusinessHoursError);
    });
});

describe('NoBusinessHoursError', () => {
    it('is an Error named NoBusinessHoursError', () => {
        const err = new NoBusinessHoursError();
        assert.ok(err instanceof Error);
        assert.equal(err.name, 'NoBusinessHoursError');
    });

    it('isOpen on a calendar with no hours is simply false', () => {
        assert.equal(isOpen(NO_HOURS, at('2026-06-03T10:00:00+02:00')), false);
    });
});
