import { LANGUAGES, type Language } from '../policy/types';
import type { Scored } from '../understanding/classifier';
import { normalizeText, wholeText } from '../understanding/normalize';
import { inAnyLanguage } from '../understanding/packs';

/** The bot's language for a BCP-47 locale such as "es-MX" or "pt-BR"; undefined when unsupported. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
    const prefix = (locale ?? '').toLowerCase().split(/[-_]/)[0];
    return (LANGUAGES as readonly string[]).includes(prefix ?? '') ? (prefix as Language) : undefined;
}

export interface LanguageInput {
    /** A language the customer asked for explicitly ("en español"). */
    chosen?: Language;
    /** The language already in use in this conversation. */
    current?: Language;
    /** The activity's locale (Teams and Web Chat send it). */
    locale?: string;
    /** The language detected in the message, with confidence. */
    detected?: Scored<Language>;
    minConfidence: number;
}

/**
 * The conversation's language: the customer's explicit choice, else the channel's locale,
 * else the language already in use, else the language of the message when detection is
 * confident, else English.
 */
export function resolveLanguage(input: LanguageInput): Language {
    if (input.chosen) return input.chosen;
    const fromLocale = languageFromLocale(input.locale);
    if (fromLocale) return fromLocale;
    if (input.current) return input.current;
    if (input.detected && input.detected.confidence >= input.minConfidence) return input.detected.label;
    return 'en';
}

/** Per language, the ways to ask for it, in every language (each pack's `switchTo`). */
const SWITCHES: Array<[Language, RegExp]> = LANGUAGES.map((language) => [language, wholeText(inAnyLanguage((p) => p.switchTo[language]))]);

/** Recognises a request to switch language ("in English please", "en español"); undefined otherwise. */
export function detectLanguageSwitch(text: string): Language | undefined {
    const t = normalizeText(text).replace(/[.!]+$/, '');
    return SWITCHES.find(([, pattern]) => pattern.test(t))?.[0];
}

/** The first language of an Accept-Language header (in the order given, ignoring weights) that the bot speaks. */
export function languageFromAcceptLanguage(header: string | undefined): Language | undefined {
    for (const range of (header ?? '').split(',')) {
        const language = languageFromLocale(range.split(';')[0]?.trim());
        if (language) return language;
    }
    return undefined;
}
