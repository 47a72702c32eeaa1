import { LANGUAGES, type Language } from '../../policy/types';
import { en } from './en';
import { es } from './es';
import { pt } from './pt';
import type { LanguagePack, Patterns } from './languagePack';
import { ru } from './ru';

export type { ClassifierCues, Command, IntentCues, LanguageCue, LanguagePack, Patterns } from './languagePack';

/**
 * One pack per language in `LANGUAGES`: adding a language there makes the compiler name the
 * missing pack here, and each pack's `switchTo` name the phrases it still lacks.
 */
export const PACKS: Readonly<Record<Language, LanguagePack>> = { en, es, pt, ru };

/** A value per language, taken from its pack (in `LANGUAGES` order). */
export function perLanguage<T>(pick: (pack: LanguagePack, language: Language) => T): Record<Language, T> {
    return Object.fromEntries(LANGUAGES.map((language) => [language, pick(PACKS[language], language)])) as Record<Language, T>;
}

/**
 * The patterns of every language, in `LANGUAGES` order: customers mix languages, so the
 * recognisers accept any of the bot's languages whatever the conversation's language is.
 */
export function inAnyLanguage(pick: (pack: LanguagePack) => Patterns): string[] {
    return LANGUAGES.flatMap((language) => pick(PACKS[language]));
}

/** A language's English name for agents ("Portuguese (Brazil)"); an unknown code is returned as it is. */
export function languageName(code: string): string {
    return (LANGUAGES as readonly string[]).includes(code) ? PACKS[code as Language].englishName : code;
}
