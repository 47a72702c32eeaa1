import { DateTime, IANAZone } from 'luxon';
import type { Language } from '../policy/types';
import { perLanguage } from '../understanding/packs';

const LOCALE = perLanguage((pack) => pack.locale);

/** The zone to show times in: the customer's when the channel tells us, else the partner's. */
export function displayZone(customerZone: string | undefined, partnerZone: string): string {
    return customerZone && IANAZone.isValidZone(customerZone) ? customerZone : partnerZone;
}

/** A due time as the customer reads it, e.g. "Tue 24 Nov 2026, 13:00 (Europe/Madrid)". */
export function formatDueAt(dueAtIso: string, zone: string, language: Language): string {
    const dt = DateTime.fromISO(dueAtIso, { zone: 'utc' }).setZone(zone).setLocale(LOCALE[language]);
    return `${dt.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}
