import { LANGUAGES } from '../policy/types';
import { PACKS } from './packs';

/** Letters folded before matching, from every pack (Russian ё → е). */
const FOLDS: Readonly<Record<string, string>> = Object.fromEntries(LANGUAGES.flatMap((language) => Object.entries(PACKS[language].letterFolds)));
const FOLDED = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/**
 * Lower-cases, strips accents from Latin letters (not from Cyrillic й), folds the packs'
 * letters (ё to е) and collapses punctuation, so patterns match the way people type.
 */
export function normalizeText(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
        .normalize('NFC')
        .toLowerCase()
        .replace(FOLDED, (letter) => FOLDS[letter] ?? letter)
        .replace(/[^\p{L}\p{N}@.\s-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}

/** Word tokens of normalized text. */
export function tokens(text: string): string[] {
    return normalizeText(text).split(/[\s.'-]+/).filter(Boolean);
}

/**
 * A regular expression whose `\b` means a Unicode word boundary (JavaScript's `\b` only
 * knows ASCII letters, so it never matches around Cyrillic words).
 */
export function wordPattern(pattern: RegExp): RegExp {
    const source = pattern.source.replace(/\\b/g, '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))');
    return new RegExp(source, pattern.flags.includes('u') ? pattern.flags : pattern.flags + 'u');
}

/** Any of `patterns` as whole words, anywhere in normalized text. */
export function anyWord(patterns: readonly string[], flags = ''): RegExp {
    return wordPattern(new RegExp(`\\b(?:${patterns.join('|')})\\b`, flags));
}

/** Text that is exactly one of `patterns` (normalized text by default; raw text with the flag 'i'). */
export function wholeText(patterns: readonly string[], flags = 'u'): RegExp {
    return new RegExp(`^(?:${patterns.join('|')})$`, flags);
}
