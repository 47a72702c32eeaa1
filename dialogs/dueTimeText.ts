import type { TurnContext } from 'botbuilder';
import { displayZone, formatDueAt } from '../src/i18n/format';
import { translator } from '../src/i18n/i18n';
import { computeDueTime } from '../src/policy/dueTime';
import { RESPONSE_HOURS } from '../src/policy/severity';
import type { ClassifiedCase } from './caseDraft';
import type { DialogServices } from './dialogServices';
import { customerTimeZone } from './turnHelpers';

/** Sets the case's due time from the programme's rules and returns the sentence that states it. */
export function applyDueTime(context: TurnContext, services: DialogServices, draft: ClassifiedCase): string {
    const due = computeDueTime({
        category: draft.category,
        kind: draft.kind,
        severity: draft.severity ?? null,
        language: draft.language,
        calendar: services.partner.hours,
        now: services.now(),
    });
    draft.dueAt = due.dueAt.toISO() ?? undefined;
    draft.dueBasis = due.basis;
    return dueSentence(context, services, draft);
}

/** "Our first response is due ... by <time>" for a case that has a due time. */
export function dueSentence(context: TurnContext, services: DialogServices, draft: CaseDueFields): string {
    return dueSentenceIn(displayZone(customerTimeZone(context), services.partner.hours.timeZone), draft);
}

/** The same sentence with times shown in `zone` (for messages sent outside a customer's turn). */
export function dueSentenceIn(zone: string, draft: CaseDueFields): string {
    if (!draft.dueAt || !draft.dueBasis) return '';
    const hours = draft.severity ? RESPONSE_HOURS[draft.severity] : undefined;
    return translator(draft.language)(`due.${draft.dueBasis}`, { hours, dueAt: formatDueAt(draft.dueAt, zone, draft.language) });
}

export type CaseDueFields = Pick<ClassifiedCase, 'dueAt' | 'dueBasis' | 'severity' | 'language'>;

/** The due time as shown in a card fact. */
export function dueFact(context: TurnContext, services: DialogServices, draft: CaseDueFields): string {
    if (!draft.dueAt) return '';
    return formatDueAt(draft.dueAt, displayZone(customerTimeZone(context), services.partner.hours.timeZone), draft.language);
}
