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

/** Splits raw text into sentences and list items ("1) …  2) …", "- …"), keeping them as written. */
function sentences(text: string): string[] {
    return text
        .split(/(?<=[.!?])\s+|\n+|\s+(?=(?:\(?[1-9][).]|[a-e]\)|[-•*])\s)/u)
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

/**
 * True when two parts are about different things: two different known products, or another
 * category, unless both name the same product without a separator word between them ("we paid
 * for 20 licences and users still can't open Word" is one technical problem told with money words).
 */
function differ(a: Classification, b: Classification, minConfidence: number, separated: boolean): boolean {
    const sure = (x: { confidence: number }) => x.confidence >= minConfidence;
    const known = (c: Classification) => c.product.label !== 'unknown' && sure(c.product);
    if (known(a) && known(b) && a.product.label !== b.product.label) return true;
    const sameProduct = known(a) && known(b) && a.product.label === b.product.label;
    return a.category.label !== b.category.label && sure(a.category) && sure(b.category) && (separated || !sameProduct);
}

/**
 * The separate problems a customer told in one message, in the order told: sentences and
 * clauses (see `clauses`; at plain conjunctions only when something else, such as the intent
 * recogniser, says the message holds several problems) are classified, and neighbours about
 * the same thing, or too short to stand alone, are joined again. One element for a single problem.
 */
export async function splitProblems(text: string, classify: (text: string) => Promise<Classification>, minConfidence: number, atConjunctions = false): Promise<ProblemPart[]> {
    const single = async (): Promise<ProblemPart[]> => [{ text, classification: await classify(text) }];
    // Without a sign of several problems (separator words, a list, or the caller's word), it is one problem told in several sentences.
    const listed = /(?:^|\s)\(?[1-9][).]\s.*\s\(?[2-9][).]\s/su.test(text);
    if (!atConjunctions && !listed && !SEPARATOR_ANYWHERE.test(normalizeText(text))) return single();
    // Sentences, list items and separator words first; plain conjunctions only when they find nothing.
    const bySentence = await joinAlike(sentences(text).flatMap((s) => clauses(s, false)), classify, minConfidence);
    if (bySentence.length >= 2 || !atConjunctions) return bySentence.length >= 2 ? bySentence : single();
    const byConjunction = await joinAlike(sentences(text).flatMap((s) => clauses(s, true)), classify, minConfidence);
    return byConjunction.length >= 2 ? byConjunction : single();
}

/** Classifies the pieces and joins neighbours about the same thing, or too short to stand alone; fewer than two parts means one problem. */
async function joinAlike(candidates: string[], classify: (text: string) => Promise<Classification>, minConfidence: number): Promise<ProblemPart[]> {
    const pieces = candidates.filter((p) => wordCount(p) > 0);
    if (pieces.length < 2) return [];
    const parts: ProblemPart[] = [];
    for (const piece of pieces) {
        const last = parts.at(-1);
        const classification = await classify(piece);
        const separated = SEPARATOR.test(normalizeText(piece).replace(/^(?:and|y|e|и|а) /u, ''));
        if (last && (wordCount(piece) < MIN_WORDS || wordCount(last.text) < MIN_WORDS || !differ(last.classification, classification, minConfidence, separated))) {
            const joined = `${last.text} ${piece}`;
            parts[parts.length - 1] = { text: joined, classification: await classify(joined) };
        } else {
            parts.push({ text: piece, classification });
        }
    }
    return parts.length < 2 || parts.some((p) => wordCount(p.text) < MIN_WORDS) ? [] : parts;
}
