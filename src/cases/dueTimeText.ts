import type { DateTime } from 'luxon';
import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import type { BusinessCalendar } from '../policy/businessCalendar';
import { computeDueTime } from '../policy/dueTime';
import { RESPONSE_HOURS } from '../policy/severity';
import type { ClassifiedCase } from './caseDraft';

export type CaseDueFields = Pick<ClassifiedCase, 'dueAt' | 'dueBasis' | 'severity' | 'language'>;

/**
 * Sets the case's first-response due time from the programme's rules (severity, kind,
 * language coverage, the partner's business calendar) and returns the sentence that states
 * it, with times shown in `zone`.
 */
export function applyDueTime(draft: ClassifiedCase, calendar: BusinessCalendar, now: DateTime, zone: string): string {
    const due = computeDueTime({ category: draft.category, kind: draft.kind, severity: draft.severity ?? null, language: draft.language, calendar, now });
    draft.dueAt = due.dueAt.toISO() ?? undefined;
    draft.dueBasis = due.basis;
    return dueSentence(zone, draft);
}

/** "Our first response is due ... by <time>" in the case's language, times in `zone`; empty without a due time. */
export function dueSentence(zone: string, draft: CaseDueFields): string {
    if (!draft.dueAt || !draft.dueBasis) return '';
    const hours = draft.severity ? RESPONSE_HOURS[draft.severity] : undefined;
    return translator(draft.language)(`due.${draft.dueBasis}`, { hours, dueAt: formatDueAt(draft.dueAt, zone, draft.language) });
}

/** The due time as shown in a card fact, in `zone`; empty without a due time. */
export function dueFact(zone: string, draft: CaseDueFields): string {
    return draft.dueAt ? formatDueAt(draft.dueAt, zone, draft.language) : '';
}
