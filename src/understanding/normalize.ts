/** Lower-cases, strips accents and collapses punctuation so patterns match typed text. */
export function normalizeText(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
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
