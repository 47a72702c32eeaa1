/**
 * Text normalisation owned by the trained model. It is deliberately a frozen copy rather
 * than an import of `../normalize` (or of the language packs' letter folds): model.json and the dev split are only valid for the
 * exact normalisation they were built with, so changes to the shared cue normaliser must
 * not silently shift them. Changing this function requires retraining (scripts/train.ts).
 *
 * Lower-cases, strips accents from Latin letters (keeps Cyrillic й), folds ё to е, turns
 * punctuation other than `@ . ' -` into spaces and collapses whitespace.
 */
export function normalizeForModel(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
        .normalize('NFC')
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/[^\p{L}\p{N}@.\s'-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
