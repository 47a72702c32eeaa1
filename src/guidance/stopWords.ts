import type { Language } from '../policy/types';
import { perLanguage } from '../understanding/packs';

/** Frequent words that carry no meaning for ranking, per language (accents already stripped). */
export const STOP_WORDS: Record<Language, ReadonlySet<string>> = perLanguage((pack) => new Set(pack.stopWords));

/** Crude stemming by truncation: enough for BM25 to match word forms in all four languages. */
export function stem(term: string): string {
    return term.length > 6 ? term.slice(0, 6) : term;
}
