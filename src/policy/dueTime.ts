import { DateTime } from 'luxon';
import { addBusinessDay, addBusinessMinutes, type BusinessCalendar } from './businessCalendar';
import { RESPONSE_HOURS } from './severity';
import type { Category, Kind, Language, Severity } from './types';

/** How the first-response clock runs for a case. */
import type { DueBasis } from './types';

export type { DueBasis };

export interface DueTimeInput {
    category: Category;
    kind: Kind | null;
    severity: Severity | null;
    language: Language;
    calendar: BusinessCalendar;
    now: DateTime;
}

export interface DueTime {
    dueAt: DateTime;
    basis: DueBasis;
    /** Hours on the clock for break-fix incidents; null for a business day. */
    hours: number | null;
}

/** Thrown when a technical break-fix case reaches due-time calculation without a severity. */
export class MissingSeverityError extends Error {
    constructor() {
        super('computeDueTime(): a technical break-fix case needs a severity');
        this.name = 'MissingSeverityError';
    }
}

/**
 * When the first response is due (DOMAIN.md, "Severity and initial response times"):
 * technical break-fix incidents get 2/4/8 hours for severity A/B/C, around the clock in
 * English and within the partner's business hours in any other language; advisory
 * (non-break-fix) and commercial cases get up to one business day.
 */
export function computeDueTime(input: DueTimeInput): DueTime {
    const now = input.now.toUTC();
    if (input.category === 'technical' && input.kind === 'break-fix') {
        if (!input.severity) throw new MissingSeverityError();
        const hours = RESPONSE_HOURS[input.severity];
        if (input.language === 'en') return { dueAt: now.plus({ hours }), basis: 'around-the-clock', hours };
        return { dueAt: addBusinessMinutes(input.calendar, now, hours * 60).toUTC(), basis: 'business-hours', hours };
    }
    return { dueAt: addBusinessDay(input.calendar, now).toUTC(), basis: 'business-day', hours: null };
}
