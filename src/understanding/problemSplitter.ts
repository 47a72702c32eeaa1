import type { Classification } from './classifier';
import { normalizeText } from './normalize';
import { inAnyLanguage } from './packs';

/** A part of a message told as a problem of its own, with what the classifier made of it. */
export interface ProblemPart {
    text: string;
    classification: Classification;
}

/** Words that open another problem (the folded start of a clause). */
const SEPARATOR = new RegExp(`^(?:${inAnyLanguage((p) => p.problemSeparators).join('|')})(?: |$)`, 'u');

/** A separator word that opens a clause somewhere in the text (after a comma, a conjunction, or a sentence's end). */
const SEPARATOR_ANYWHERE = new RegExp(`(?:^|[.!?,;:] |(?:and|y|e|и|а) )(?:${inAnyLanguage((p) => p.problemSeparators).join('|')})(?: |$)`, 'u');

/** A part needs this many words to be a problem of its own (not "thanks", "and the bill"). */
const MIN_WORDS = 4;

/** Longest message searched for separators word by word. */
const MAX_WORDS = 300;

/** Splits raw text into sentences (keeping them as written). */
function sentences(text: string): string[] {
    return text
        .split(/(?<=[.!?])\s+|\n+/u)
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Conjunctions that may join two unrelated problems ("…is wrong and Teams is down"). */
const CONJUNCTION = /^(and|but|y|pero|e|mas|и|а|но)$/u;

/**
 * Splits a sentence where another problem may begin: before words such as "and separately",
 * "otra cosa" or "а ещё" that open a clause (after a comma or a conjunction, or at the start),
 * and, when `atConjunctions`, before any "and"/"y"/"e"/"и". The parts keep their wording.
 */
function clauses(sentence: string, atConjunctions: boolean): string[] {
    const words = sentence.split(/\s+/).filter(Boolean);
    if (words.length > MAX_WORDS) return [sentence];
    const folded = words.map((w) => normalizeText(w));
    const cuts = new Set<number>();
    for (let i = 1; i < words.length; i++) {
        const opensClause = /[,;:]$/.test(words[i - 1] ?? '') || CONJUNCTION.test(folded[i - 1] ?? '');
        if (atConjunctions && CONJUNCTION.test(folded[i] ?? '')) cuts.add(i);
        if (folded[i] && opensClause && SEPARATOR.test(folded.slice(i).filter(Boolean).join(' '))) cuts.add(CONJUNCTION.test(folded[i - 1] ?? '') ? i - 1 : i);
    }
    const ordered = [...cuts].filter((c) => c > 1).sort((a, b) => a - b);
    const parts = [0, ...ordered].map((from, k) => words.slice(from, ordered[k] ?? words.length).join(' '));
    return parts.map((p) => p.replace(/^[\s,;:.]+|[\s,;:]+$/g, '')).filter(Boolean);
}

const wordCount = (text: string): number => normalizeText(text).split(' ').filter((w) => w.length > 1).length;

/** True when two parts are about different things: another category, or two different known products. */
function differ(a: Classification, b: Classification, minConfidence: number): boolean {
    const sure = (x: { confidence: number }) => x.confidence >= minConfidence;
    if (a.category.label !== b.category.label && sure(a.category) && sure(b.category)) return true;
    return a.product.label !== b.product.label && a.product.label !== 'unknown' && b.product.label !== 'unknown' && sure(a.product) && sure(b.product);
}

/**
 * The separate problems a customer told in one message, in the order told: sentences and
 * clauses (see `clauses`; at plain conjunctions only when something else, such as the intent
 * recogniser, says the message holds several problems) are classified, and neighbours about
 * the same thing, or too short to stand alone, are joined again. One element for a single problem.
 */
export async function splitProblems(text: string, classify: (text: string) => Promise<Classification>, minConfidence: number, atConjunctions = false): Promise<ProblemPart[]> {
    // Without a sign of several problems (separator words, or the caller's word), it is one problem told in several sentences.
    if (!atConjunctions && !SEPARATOR_ANYWHERE.test(normalizeText(text))) return [{ text, classification: await classify(text) }];
    const pieces = sentences(text)
        .flatMap((s) => clauses(s, atConjunctions))
        .filter((p) => wordCount(p) > 0);
    if (pieces.length < 2) return [{ text, classification: await classify(text) }];
    const parts: ProblemPart[] = [];
    for (const piece of pieces) {
        const last = parts.at(-1);
        const classification = await classify(piece);
        if (last && (wordCount(piece) < MIN_WORDS || wordCount(last.text) < MIN_WORDS || !differ(last.classification, classification, minConfidence))) {
            const joined = `${last.text} ${piece}`;
            parts[parts.length - 1] = { text: joined, classification: await classify(joined) };
        } else {
            parts.push({ text: piece, classification });
        }
    }
    if (parts.length < 2 || parts.some((p) => wordCount(p.text) < MIN_WORDS)) return [{ text, classification: await classify(text) }];
    return parts;
}
