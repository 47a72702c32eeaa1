import type { Category, Kind, Product } from '../policy/types';
import { recognizeCategory, recognizeKind, recognizeProduct } from './answers';
import { normalizeText } from './normalize';
import { inAnyLanguage } from './packs';

/** Labels a customer corrected by name ("it's Dynamics, not Azure"). */
export interface FieldCorrection {
    category?: Category;
    product?: Product;
    kind?: Kind;
}

/** "not X" (or "no es X", "não é X", "не X"): the wrong value, to leave out before reading the right one. */
const NEGATIONS = inAnyLanguage((p) => p.negations).sort((a, b) => b.length - a.length);
/** Articles and prepositions between "not" and the wrong value ("not from Outlook", "не из аутлука", "no en Azure"). */
const FILLERS = 'the|from|in|on|with|about|el|la|los|de|del|en|con|o|a|do|da|no|na|com|это|из|в|во|с|от|про|по';
const NEGATED = new RegExp(`(?:^| )(?:${NEGATIONS.join('|')}) (?:(?:${FILLERS}) ){0,2}[\\p{L}\\p{N}+-]+(?: (?:365|online|ad|id|central))?`, 'gu');

/** "No, …" / "Não, …" / "Нет, …" at the start of a correction. */
const LEADING_NO = /^\s*(?:no|nope|nah|não|nao|нет|неа)\s*[,.!:;—–-]+/iu;

/** Longer messages are read for a correction only when they negate a value ("…, not Azure"). */
const MAX_WORDS = 8;
const MAX_WORDS_WITH_NEGATION = 40;

/** Negating a pronoun ("that's not it", "no es eso") rejects what was understood as a whole, not one field. */
const WHOLE = /(?:^| )(?:it|that|this|eso|esto|isso|isto|это|то)$/u;

/**
 * The labels a short correction names, with the negated value left out: "it's Dynamics, not
 * Azure" → product dynamics365; "no es de facturación, es técnico" → category technical.
 * Undefined when the text names none, or is too long to be a one-field correction.
 */
export function parseFieldCorrection(text: string): FieldCorrection | undefined {
    // A leading "No," answers the bot; it does not negate the next word.
    const answeredNo = LEADING_NO.test(text);
    const folded = normalizeText(text.replace(LEADING_NO, ' '));
    const words = folded.split(' ').length;
    const negated = [...folded.matchAll(NEGATED)].map((m) => m[0].trim());
    // In a longer message only a negated value or figure counts ("…, not Azure", "35, not 30"); "users can't open links" negates no field.
    const negatesValue = negated.some((n) => /\d/.test(n) || (recognizeProduct(n) ?? 'unknown') !== 'unknown' || recognizeCategory(n) !== undefined || recognizeKind(n) !== undefined);
    if (!folded || words > MAX_WORDS_WITH_NEGATION || (words > MAX_WORDS && !negatesValue) || negated.some((n) => WHOLE.test(n))) return undefined;
    const affirmed = folded.replace(NEGATED, ' ').replace(/\s+/g, ' ').trim();
    if (!affirmed || (negated.length === 0 && !answeredNo)) return undefined;
    const product = recognizeProduct(affirmed);
    const category = recognizeCategory(affirmed);
    const kind = recognizeKind(affirmed);
    const correction: FieldCorrection = {
        ...(product && product !== 'unknown' ? { product } : {}),
        ...(category ? { category } : {}),
        ...(kind ? { kind } : {}),
    };
    return Object.keys(correction).length > 0 ? correction : undefined;
}
