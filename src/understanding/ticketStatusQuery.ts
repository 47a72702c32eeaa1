import { anyWord, normalizeText, wordPattern } from './normalize';
import { inAnyLanguage } from './packs';

/** A ticket number as customers type it, in normalized text: "SR-2026-000123", "sr 2026 123", "SR2026000123". */
export const TICKET_NUMBER = wordPattern(/\bsr[\s-]?(\d{4})[\s-]?(\d{1,6})\b/);

/** Words that ask how a ticket is doing, in the bot's languages. */
const ASKS_STATUS = anyWord(inAnyLanguage((p) => p.ticketStatus.asks));

/** Nouns that may sit next to a bare number ("ticket SR-…", "chamado SR-…", "заявка SR-…"). */
const TICKET_NOUNS = anyWord(inAnyLanguage((p) => p.ticketStatus.nouns), 'g');

/** Words that ask to reopen a ticket. */
const ASKS_REOPEN = anyWord(inAnyLanguage((p) => p.ticketStatus.reopens));

/** Longer messages are descriptions of a problem that happen to quote a number. */
const MAX_CHARS = 120;

/**
 * Reads "what is the status of SR-2026-000123" (or "estado del SR-…", "status do chamado SR-…",
 * "статус SR-…", or the bare number) and returns the number in its stored form; undefined
 * when the message is not such a question.
 */
export function parseTicketStatusQuery(text: string): string | undefined {
    const normalized = normalizeText(text).replace(/[.!]+$/, '');
    if (!normalized || normalized.length > MAX_CHARS) return undefined;
    const match = TICKET_NUMBER.exec(normalized);
    if (!match) return undefined;
    const [, year, digits] = match;
    const rest = normalized.replace(match[0], ' ');
    const bare = rest.replace(TICKET_NOUNS, ' ').replace(/[\s.-]+/g, '') === '';
    if (!bare && !ASKS_STATUS.test(rest)) return undefined;
    return `SR-${year}-${(digits ?? '').padStart(6, '0')}`;
}

/** Reads "reopen SR-2026-000123" ("reabrir el SR-…", "reabra o chamado SR-…", "переоткройте SR-…") and returns the number; undefined otherwise. */
export function parseReopenRequest(text: string): string | undefined {
    const normalized = normalizeText(text).replace(/[.!]+$/, '');
    if (!normalized || normalized.length > MAX_CHARS) return undefined;
    const match = TICKET_NUMBER.exec(normalized);
    if (!match || !ASKS_REOPEN.test(normalized.replace(match[0], ' '))) return undefined;
    const [, year, digits] = match;
    return `SR-${year}-${(digits ?? '').padStart(6, '0')}`;
}
