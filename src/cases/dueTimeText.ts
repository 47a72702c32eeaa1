import type { DateTime } from 'luxon';
import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import { localized, rotaHoursOf, type PartnerProfile } from '../partner/partnerProfile';
import { commitmentFor } from '../policy/commitments';
import { computeDueTime, outOfHoursCover, type DueTimeInput } from '../policy/dueTime';
import type { ClassifiedCase } from './caseDraft';

/** What of the partner's profile sets due times: its hours, its commitments and its on-call rotas. */
export type DeskPromises = Pick<PartnerProfile, 'hours' | 'commitments' | 'onCall'>;

export type CaseDueFields = Pick<ClassifiedCase, 'dueAt' | 'dueBasis' | 'dueFrom' | 'severity' | 'language' | 'category' | 'kind'>;

function rulesOf(partner: DeskPromises): Pick<DueTimeInput, 'calendar' | 'commitments' | 'rotas'> {
    return { calendar: partner.hours, commitments: partner.commitments, rotas: rotaHoursOf(partner) };
}

/**
 * Sets the case's first-response due time from the partner's commitments (else the
 * programme's rules: severity, kind, language coverage, business calendar) and returns the
 * sentence that states it, with times shown in `zone`.
 */
export function applyDueTime(draft: ClassifiedCase, partner: DeskPromises, now: DateTime, zone: string): string {
    const due = computeDueTime({ category: draft.category, kind: draft.kind, severity: draft.severity ?? null, language: draft.language, now, ...rulesOf(partner) });
    draft.dueAt = due.dueAt.toISO() ?? undefined;
    draft.dueBasis = due.basis;
    draft.dueFrom = now.toUTC().toISO() ?? undefined;
    return dueSentence(zone, draft, partner);
}

/**
 * The English commitment's hours when continuing in English would bring the first response
 * sooner than the case's own language (so offering English is worth it); else undefined.
 */
export function soonerInEnglish(draft: ClassifiedCase, partner: DeskPromises, now: DateTime): number | undefined {
    if (draft.language === 'en' || !draft.dueAt) return undefined;
    const english = computeDueTime({ category: draft.category, kind: draft.kind, severity: draft.severity ?? null, language: 'en', now, ...rulesOf(partner) });
    return english.hours !== null && english.dueAt.toMillis() < Date.parse(draft.dueAt) ? english.hours : undefined;
}

/** True when the clock stops between the start and the due time (the desk closes in between). */
function pauses(draft: CaseDueFields, hours: number): boolean {
    if (!draft.dueFrom || !draft.dueAt) return true;
    return Date.parse(draft.dueAt) - Date.parse(draft.dueFrom) > hours * 3_600_000 + 60_000;
}

/** Which sentence states the due time: "within N hours" only when that is what the customer will live through. */
function sentenceKey(draft: CaseDueFields & { dueBasis: NonNullable<CaseDueFields['dueBasis']> }, hours: number | undefined): string {
    if (draft.dueBasis === 'business-day' || hours === undefined) return 'due.business-day';
    if (draft.dueBasis === 'around-the-clock') return 'due.around-the-clock';
    if (draft.dueBasis === 'business-hours' && draft.language !== 'en') return 'due.business-hours';
    if (!pauses(draft, hours)) return 'due.around-the-clock';
    return draft.language === 'en' ? 'due.desk-hours' : 'due.business-hours';
}

/** "Our first response is due ... by <time>" in the case's language, times in `zone`; empty without a due time. */
export function dueSentence(zone: string, draft: CaseDueFields, partner: DeskPromises): string {
    if (!draft.dueAt || !draft.dueBasis) return '';
    const hours = commitmentFor({ category: draft.category, kind: draft.kind, severity: draft.severity ?? null, language: draft.language }, partner.commitments).hours;
    return translator(draft.language)(sentenceKey({ ...draft, dueBasis: draft.dueBasis }, hours), { count: hours, hours, dueAt: formatDueAt(draft.dueAt, zone, draft.language) });
}

/**
 * Out of hours, what the ticket confirmation adds: the desk is closed, when it opens, and who
 * answers before then (the case's on-call rota) or that nobody does; empty while the desk is open.
 */
export function deskNotice(zone: string, draft: CaseDueFields, partner: DeskPromises, now: DateTime): string {
    if (!draft.dueAt || !draft.dueBasis) return '';
    const cover = outOfHoursCover({ category: draft.category, kind: draft.kind, severity: draft.severity ?? null, language: draft.language, now, ...rulesOf(partner) });
    if (cover.deskOpen) return '';
    const t = translator(draft.language);
    const closed = t('due.deskClosed', { next: formatDueAt(cover.opensAt.toUTC().toISO() as string, zone, draft.language) });
    if (cover.onCall) {
        const rota = partner.onCall.find((r) => r.id === cover.onCall?.id);
        const name = rota ? localized(rota.name, draft.language) : cover.onCall.id;
        const onDuty = cover.onCall.from.toMillis() <= now.toMillis() + 60_000;
        return `${closed} ${onDuty ? t('due.onCallNow', { name }) : t('due.onCallFrom', { name, from: formatDueAt(cover.onCall.from.toUTC().toISO() as string, zone, draft.language) })}`;
    }
    // An around-the-clock promise without a rota (the programme's default on a desk that closes) names nobody; start-up warned the partner.
    return draft.dueBasis === 'around-the-clock' ? closed : `${closed} ${t('due.nobodyUntilOpen')}`;
}

/** The due time as shown in a card fact, in `zone`; empty without a due time. */
export function dueFact(zone: string, draft: Pick<CaseDueFields, 'dueAt' | 'language'>): string {
    return draft.dueAt ? formatDueAt(draft.dueAt, zone, draft.language) : '';
}
