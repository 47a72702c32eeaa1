/**
 * Lower-cases, strips accents from Latin letters (not from Cyrillic й), folds ё to е and
 * collapses punctuation, so patterns match the way people type.
 */
export function normalizeText(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
        .normalize('NFC')
        .toLowerCase()
        .replace(/ё/g, 'е')
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
