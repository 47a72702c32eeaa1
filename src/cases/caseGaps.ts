import type { Classification } from '../understanding/classifier';
import { normalizeText } from '../understanding/normalize';
import { inAnyLanguage } from '../understanding/packs';

const STOP_WORDS = new Set(inAnyLanguage((p) => p.stopWords));
/** Words that say nothing about what is wrong ("hi", "help", "urgent", "problem"). */
const EMPTY_WORDS = new Set(['hi', 'hello', 'hey', 'help', 'urgent', 'asap', 'please', 'pls', 'problem', 'issue', 'hola', 'ayuda', 'urgente', 'problema', 'oi', 'ola', 'ajuda', 'привет', 'помогите', 'срочно', 'проблема']);

/** The words of a description that carry meaning: not stop words, greetings or "urgent". */
export function contentWords(description: string): string[] {
    return normalizeText(description)
        .split(/[\s.@-]+/)
        .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !EMPTY_WORDS.has(w));
}

/**
 * True when a description is too vague for an engineer to start ("nothing works", "help,
 * urgent!!", "something is wrong with our account"): it names no service the classifier is
 * sure of and says little, or says almost nothing at all. A named service with a symptom
 * ("Outlook is down") is enough.
 */
export function isVague(description: string, classification: Pick<Classification, 'product'>, minConfidence: number): boolean {
    const words = contentWords(description).length;
    const serviceKnown = classification.product.label !== 'unknown' && classification.product.confidence >= minConfidence;
    return words < 2 || (!serviceKnown && words < 5);
}
