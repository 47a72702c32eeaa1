import { DateTime } from 'luxon';
import { addBusinessDay, addBusinessMinutes, addCoveredMinutes, intervalsOn, isOpen, nextCoveredInstant, nextOpenInstant, unionOn, type BusinessCalendar, type WeeklySchedule } from './businessCalendar';
import { commitmentFor, type Commitment } from './commitments';
import type { Category, Kind, Language, Severity } from './types';

/** How the first-response clock runs for a case. */
import type { DueBasis } from './types';

export type { DueBasis };

/** On-call rotas by id: the weekly hours each is on duty, in the desk's time zone (holidays included). */
export type RotaHours = Readonly<Record<string, WeeklySchedule>>;

export interface DueTimeInput {
    category: Category;
    kind: Kind | null;
    severity: Severity | null;
    language: Language;
    calendar: BusinessCalendar;
    now: DateTime;
    /** The partner's own commitments, tried before the programme's (none: the programme's times). */
    commitments?: readonly Commitment[];
    rotas?: RotaHours;
}

export interface DueTime {
    dueAt: DateTime;
    basis: DueBasis;
    /** Hours on the clock; null for a business day. */
    hours: number | null;
    /** The rota whose hours count too (basis 'on-call'). */
    onCall?: string;
}

/** Thrown when a technical break-fix case reaches due-time calculation without a severity. */
export class MissingSeverityError extends Error {
    constructor() {
        super('computeDueTime(): a technical break-fix case needs a severity');
        this.name = 'MissingSeverityError';
    }
}

/** A rota's hours as a calendar in the desk's zone: on duty on holidays too. */
export function rotaCalendar(desk: BusinessCalendar, weekly: WeeklySchedule): BusinessCalendar {
    return { timeZone: desk.timeZone, weekly, holidays: [] };
}

/**
 * When the first response is due: the partner's first commitment that covers the case, else
 * the programme's (docs/PROGRAMME.md, "Severity and initial response times": break-fix 2/4/8 hours
 * for severity A/B/C, around the clock in English and in business hours in a local
 * language; anything else up to one business day). A commitment's clock runs always, while
 * the desk is open, or while the desk is open or its on-call rota is on duty.
 */
export function computeDueTime(input: DueTimeInput): DueTime {
    const now = input.now.toUTC();
    if (input.category === 'technical' && input.kind === 'break-fix' && !input.severity) throw new MissingSeverityError();
    const commitment = commitmentFor({ category: input.category, kind: input.kind, severity: input.severity, language: input.language }, input.commitments);
    if (commitment.hours === undefined) return { dueAt: addBusinessDay(input.calendar, now).toUTC(), basis: 'business-day', hours: null };
    const hours = commitment.hours;
    const coverage = commitment.coverage;
    if (coverage === 'around-the-clock') return { dueAt: now.plus({ hours }), basis: 'around-the-clock', hours };
    if (coverage === 'business-hours') return { dueAt: addBusinessMinutes(input.calendar, now, hours * 60).toUTC(), basis: 'business-hours', hours };
    const rota = rotaCalendar(input.calendar, rotaHours(input.rotas, coverage.onCall));
    const dueAt = addCoveredMinutes((day) => unionOn([input.calendar, rota], day), input.calendar.timeZone, now, hours * 60);
    return { dueAt: dueAt.toUTC(), basis: 'on-call', hours, onCall: coverage.onCall };
}

function rotaHours(rotas: RotaHours | undefined, id: string): WeeklySchedule {
    const weekly = rotas?.[id];
    if (!weekly) throw new Error(`computeDueTime(): no on-call rota "${id}"`);
    return weekly;
}

/** Who answers while the desk is closed, for a case's commitment. */
export type OutOfHoursCover =
    | { deskOpen: true }
    | { deskOpen: false; opensAt: DateTime; onCall?: { id: string; from: DateTime } };

/**
 * Whether the desk is closed at `now`; if so when it opens and whether the case's on-call rota
 * answers before then (from now, or from when its duty starts).
 */
export function outOfHoursCover(input: DueTimeInput): OutOfHoursCover {
    const now = input.now.toUTC();
    if (isOpen(input.calendar, now)) return { deskOpen: true };
    const opensAt = nextOpenInstant(input.calendar, now);
    if (input.category === 'technical' && input.kind === 'break-fix' && !input.severity) return { deskOpen: false, opensAt };
    const commitment = commitmentFor({ category: input.category, kind: input.kind, severity: input.severity, language: input.language }, input.commitments);
    if (commitment.hours === undefined || typeof commitment.coverage === 'string') return { deskOpen: false, opensAt };
    const rota = rotaCalendar(input.calendar, rotaHours(input.rotas, commitment.coverage.onCall));
    const from = nextCoveredInstant((day) => intervalsOn(rota, day), rota.timeZone, now);
    return from < opensAt ? { deskOpen: false, opensAt, onCall: { id: commitment.coverage.onCall, from } } : { deskOpen: false, opensAt };
}
