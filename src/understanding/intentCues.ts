import { type Language } from '../policy/types';
import { CATEGORY_CUES, PRODUCT_CUES } from './lexicon';
import { readLanguageRequest, type LanguageRequest } from './languageSwitch';
import { anyWord, normalizeText } from './normalize';
import { inAnyLanguage, type IntentCues } from './packs';
import { TICKET_NUMBER } from './ticketStatusQuery';
import { typographyOf, type Typography } from './typography';

/** The packs' intent word lists that are plain pattern lists. */
export const CUE_NAMES = ['phone', 'phoneTopics', 'person', 'caseNouns', 'statusAsks', 'insults', 'frustration', 'correction', 'contrast', 'multiProblem', 'alsoWords'] as const satisfies ReadonlyArray<keyof IntentCues>;

/** One of {@link CUE_NAMES}. */
export type CueName = (typeof CUE_NAMES)[number];

/** Everything the rules and the model's extra features read from a message, computed once. */
export interface IntentEvidence {
    /** `normalizeText` output. */
    normalized: string;
    /** Word count of the normalized text. */
    words: number;
    /** Which of the packs' word lists match (in any language). */
    cues: Readonly<Record<CueName, boolean>>;
    /** The packs' existing person and phone requests (`personRequests`, `phoneRequests`). */
    personRequest: boolean;
    phoneRequest: boolean;
    /** A ticket number ("SR-2026-000123") is quoted. */
    ticketNumber: boolean;
    /** Distinct products named (lexicon product cues). */
    products: number;
    /** Both money/contract words and fault/how-to words. */
    mixedCategory: boolean;
    typography: Typography;
    language: LanguageRequest;
}

const CUES = Object.fromEntries(CUE_NAMES.map((name) => [name, anyWord(inAnyLanguage((p) => p.intents[name]))])) as Record<CueName, RegExp>;
const PERSON_REQUEST = anyWord(inAnyLanguage((p) => p.personRequests));
const PHONE_REQUEST = anyWord(inAnyLanguage((p) => p.phoneRequests));

/** Longer input is cut before matching: intents are said early, and patterns stay fast on hostile input. */
const MAX_CHARS = 1000;

/** Reads the evidence for every intent from raw text. Never throws. */
export function intentEvidence(raw: string): IntentEvidence {
    const text = String(raw ?? '').slice(0, MAX_CHARS);
    const normalized = normalizeText(text);
    const cues = Object.fromEntries(CUE_NAMES.map((name) => [name, CUES[name].test(normalized)])) as Record<CueName, boolean>;
    const categories = new Set(CATEGORY_CUES.filter((c) => c.pattern.test(normalized)).map((c) => c.label));
    return {
        normalized,
        words: normalized ? normalized.split(' ').length : 0,
        cues,
        personRequest: PERSON_REQUEST.test(normalized),
        phoneRequest: PHONE_REQUEST.test(normalized),
        ticketNumber: TICKET_NUMBER.test(normalized),
        products: new Set(PRODUCT_CUES.filter((c) => c.pattern.test(normalized)).map((c) => c.label)).size,
        mixedCategory: categories.size > 1,
        typography: typographyOf(text),
        language: readLanguageRequest(normalized),
    };
}

const lengthBucket = (words: number): string => (words <= 3 ? 'short' : words <= 8 ? 'medium' : words <= 20 ? 'long' : 'very-long');

/**
 * The evidence as named binary signals, the trained model's extra features (next to its
 * word and character n-grams). Renaming a signal requires retraining.
 */
export function intentSignals(e: IntentEvidence): string[] {
    const t = e.typography;
    const flags: Array<[string, boolean]> = [
        ...CUE_NAMES.map((name): [string, boolean] => [`cue:${name}`, e.cues[name]]),
        ['request:person', e.personRequest],
        ['request:phone', e.phoneRequest],
        ['ticket-number', e.ticketNumber],
        ['products:2+', e.products >= 2],
        ['mixed-category', e.mixedCategory],
        ['shouting', t.shouting],
        ['caps-word', t.capsWords > 0 && !t.shouting],
        ['bang', t.bangs === 1],
        ['bangs', t.bangs >= 2],
        ['questions', t.questions >= 2],
        ['interrobang', t.interrobang],
        ['enumerated', t.enumerated],
        ['language:mentioned', e.language.mentioned],
        ['language:target', e.language.target !== undefined],
        ['language:wanted', e.language.wanted],
        ['language:of-things', e.language.ofThings],
        [`length:${lengthBucket(e.words)}`, true],
    ];
    return flags.filter(([, on]) => on).map(([name]) => name);
}

/** The target language of a switch request, when the evidence names one and it is about the chat. */
export function switchTarget(e: IntentEvidence): Language | undefined {
    return e.language.ofThings ? undefined : e.language.target;
}
