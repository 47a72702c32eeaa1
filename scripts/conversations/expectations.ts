import type { Language } from '../../src/policy/types';
import type { CatalogueMatcher } from './catalogueMatcher';
import type { ConversationScript, Says } from './conversationScript';

/** The ticket fields compared one by one with the expected tickets. */
const FIELDS = ['status', 'category', 'product', 'kind', 'severity'] as const;

/** What the conversation ended with, read from the database and the bot's messages. */
export interface EndState {
    tickets: Array<Record<(typeof FIELDS)[number], string | null> & { description: string }>;
    handoffRows: number;
    /** Text of everything the bot sent the customer, in order. */
    botTexts: string[];
    /** Prompt ids of the question cards the bot sent. */
    cardPrompts: string[];
    /** The language of the bot's last replies (undefined when none could be told). */
    language: Language | undefined;
}

/** One expectation that does not hold: `check` groups failures ("ticket.product"), `detail` says which and how. */
export interface Failure {
    check: string;
    detail: string;
}

/** Catalogue keys for each `says` check. */
export const SAYS_KEYS: Record<Says, string[]> = {
    'no-phone': ['phone.notice'],
    status: ['ticketStatus.summary', 'ticketStatus.noneOpen'],
    'two-problems': ['intake.twoProblems'],
    'desk-hours': ['handoff.outOfHours', 'handoff.frustratedClosed', 'prompt.stuckClosed', 'due.deskClosed'],
};

/**
 * Texts by which the bot offers, brings in, or explains the absence of a person because the
 * conversation called for one (the routine offer after every ticket within hours does not count:
 * it is part of every conversation, and the scripts expect an offer only when something asked for one).
 */
export const PERSON_KEYS = ['handoff.queued', 'handoff.severityA', 'handoff.outOfHours', 'handoff.noAgents', 'handoff.frustrated', 'handoff.frustratedPerson', 'handoff.frustratedClosed', 'human.notice', 'prompt.stuckPerson', 'prompt.stuckTyped', 'prompt.stuckClosed'];

/** Re-prompts: the same one said twice in one conversation means the customer is going round in circles. */
export const RETRY_KEYS = ['prompt.restate', 'impact.retry', 'intake.tooShort', 'intake.detailsRetry', 'escalation.invalidName', 'escalation.invalidEmail', 'escalation.invalidOrganisation', 'ownTenant.invalid'];

/** Lower case without accents, for words customers write either way. */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every expectation of the script that does not hold, in the order they are listed in CONVERSATIONS.md. */
export function failedExpectations(script: ConversationScript, end: EndState, catalogue: CatalogueMatcher): Failure[] {
    const failures: Failure[] = [];
    const { expect } = script;
    const count = Math.max(expect.tickets.length, end.tickets.length);
    for (let i = 0; i < count; i++) {
        const want = expect.tickets[i];
        const got = end.tickets[i];
        const which = `ticket ${i + 1}`;
        if (!want) failures.push({ check: 'ticket.extra', detail: `${which}: not expected (${expect.tickets.length} expected, ${end.tickets.length} stored): ${got?.category}/${got?.product} "${clip(got?.description ?? '')}"` });
        else if (!got) failures.push({ check: 'ticket.missing', detail: `${which}: missing (${expect.tickets.length} expected, ${end.tickets.length} stored)` });
        else {
            for (const field of FIELDS) if (want[field] !== got[field]) failures.push({ check: `ticket.${field}`, detail: `${which} ${field}: expected ${want[field]}, got ${got[field]}` });
            const missing = want.descriptionWords.filter((w) => !fold(got.description).includes(fold(w)));
            if (missing.length) failures.push({ check: 'ticket.description', detail: `${which} description lacks ${missing.join(', ')}: "${clip(got.description)}"` });
        }
    }
    const offered = end.handoffRows > 0 || end.botTexts.some((t) => PERSON_KEYS.some((k) => catalogue.says(t, k)));
    if (offered !== expect.personOffered) failures.push({ check: 'personOffered', detail: `personOffered: expected ${expect.personOffered}, got ${offered}` });
    if (end.language !== expect.language) failures.push({ check: 'language', detail: `language of the last replies: expected ${expect.language}, got ${end.language ?? 'none'}` });
    for (const says of expect.says) if (!end.botTexts.some((t) => SAYS_KEYS[says].some((key) => catalogue.says(t, key)))) failures.push({ check: `says.${says}`, detail: `says ${says}: the bot never said ${SAYS_KEYS[says].join(' or ')}` });
    return failures;
}

/** The re-prompts the bot sent more than once word for word (a dead end), with how often. */
export function repeatedRetries(botTexts: readonly string[], catalogue: CatalogueMatcher): string[] {
    const retries = botTexts.filter((t) => RETRY_KEYS.some((key) => catalogue.says(t, key)));
    const counts = new Map<string, number>();
    for (const text of retries) counts.set(text, (counts.get(text) ?? 0) + 1);
    return [...counts].filter(([, times]) => times >= 2).map(([text, times]) => `"${clip(text, 60)}" ×${times}`);
}

function clip(text: string, max = 80): string {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
