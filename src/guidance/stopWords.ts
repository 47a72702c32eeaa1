import type { Language } from '../policy/types';
import { perLanguage } from '../understanding/packs';

/** Frequent words that carry no meaning for ranking, words about when or how politely, and function words, per language (accents already stripped). */
export const STOP_WORDS: Record<Language, ReadonlySet<string>> = perLanguage((pack) => new Set([...pack.stopWords, ...pack.guidanceFillers, ...pack.guidanceFunctionWords]));

/** A Russian word's final vowel (or soft/short sign): "счете", "счета" and "счет" are one word. */
const RUSSIAN_ENDING = /(?<=[а-яё]{3})[аеиоуыьяюй]$/u;

/** Crude stemming by truncation (and a Russian final vowel dropped): enough for BM25 to match word forms in all four languages. */
export function stem(term: string): string {
    return (term.length > 6 ? term.slice(0, 6) : term).replace(RUSSIAN_ENDING, '');
}
