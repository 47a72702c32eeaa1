import type { Classification } from './classifier';
import { namesProblem } from './lexicon';
import { ANNOUNCEMENT, listItems, segmentsOf, SEPARATOR_ANYWHERE, type Opening, type Segment } from './messageSegments';
import { anyWord, normalizeText } from './normalize';
import { inAnyLanguage } from './packs';

/** A part of a message told as a problem of its own, with what the classifier made of it. */
export interface ProblemPart {
    text: string;
    classification: Classification;
    /** The text without a greeting or "two things:" before the problem: where to quote it from. */
    body: string;
}

/** A part needs this many words to be a problem of its own (not "thanks", "and the bill"). */
const MIN_WORDS = 4;

/** Greetings, courtesy and announcements ("hi", "please", "two things"): words that tell no problem. */
const LEAD_WORDS = anyWord([...inAnyLanguage((p) => [...p.greetings, ...p.greetingTails, ...p.courtesy]), ...inAnyLanguage((p) => p.intents.multiProblem)], 'g');
const STOP_WORDS = new Set(inAnyLanguage((p) => p.stopWords));

const wordCount = (text: string): number => normalizeText(text).split(' ').filter((w) => w.length > 1).length;

/** Folded text without greetings, courtesy and announcements. */
const withoutLeadWords = (text: string): string => normalizeText(text).replace(LEAD_WORDS, ' ').replace(/\s+/g, ' ').trim();

/** Words that carry meaning, besides greetings, courtesy, announcements and numbers. */
const meaningfulWords = (text: string): number =>
    withoutLeadWords(text)
        .split(' ')
        .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOP_WORDS.has(w)).length;

/** True for a piece that tells nothing of a problem: "Hi, two things pls.", "Добрый день.", "Dos cosas:". */
const saysNothing = (text: string): boolean => meaningfulWords(text) < 2;

/** A first piece this short that names no problem is a preamble ("Sorry to write so late."). */
const MAX_PREAMBLE_WORDS = 4;

/** Fewer meaningful words than this, and no service or fault named: a sentence that says little ("Morning!", "ладно.", "nothing works!!!"). */
const LITTLE = 3;

/** True for a sentence that says little of a problem on its own: a greeting, "fine.", "help, urgent!!", "nothing works!!!". */
export function saysLittle(sentence: string): boolean {
    return meaningfulWords(sentence) < LITTLE && !namesProblem(withoutLeadWords(sentence));
}

/**
 * True when a text tells something of a problem, greetings and announcements aside: it names a
 * service, a fault, a bill or a contract, or the classifier is sure which service it is about.
 * "Sorry to write so late" or "it's easier to explain by voice" do not.
 */
export async function tellsProblem(text: string, classify: (text: string) => Promise<Classification>, minConfidence: number): Promise<boolean> {
    const told = withoutLeadWords(text);
    if (namesProblem(told)) return true;
    const { product } = await classify(told);
    return product.label !== 'unknown' && product.confidence >= minConfidence;
}

const STRENGTH: Record<Opening, number> = { none: 0, weak: 1, strong: 2 };
const strongest = (segments: readonly Segment[]): Opening => segments.reduce<Opening>((best, s) => (STRENGTH[s.opens] > STRENGTH[best] ? s.opens : best), 'none');

/** A segment after what came before it and tells no problem of its own (`text` has both, `body` the segment). */
interface Piece extends Segment {
    body: string;
}

/**
 * Segments that tell nothing ("Hi, two things pls.") go with the next one, passing on how they
 * opened; so do short first segments until one tells a problem: names a service or a fault, or
 * is about a service the classifier knows, besides any announcement ("Sorry to write so late.",
 * "I have two problems and I don't think they are related."). Nothing is dropped: the
 * leads stay in the text, and only the body starts after them.
 */
async function withLeads(segments: readonly Segment[], tellsProblem: (text: string) => Promise<boolean>): Promise<Piece[]> {
    const pieces: Piece[] = [];
    let lead: Segment[] = [];
    for (const segment of segments) {
        const preamble = pieces.length === 0 && meaningfulWords(segment.text) <= MAX_PREAMBLE_WORDS && !(await tellsProblem(segment.text));
        // "Another thing:", "Otra cosa:" standing alone introduce what follows; they are no problem of their own.
        const separatorAlone = segment.opens !== 'none' && meaningfulWords(segment.text) <= 2 && !(await tellsProblem(segment.text));
        if (saysNothing(segment.text) || preamble || separatorAlone) {
            lead.push(segment);
            continue;
        }
        const opens = strongest([...lead, segment]);
        pieces.push({ text: [...lead, segment].map((s) => s.text).join(' '), opens, body: segment.text });
        lead = [];
    }
    const last = pieces.at(-1);
    if (last && lead.length > 0) {
        last.text = [last.text, ...lead.map((s) => s.text)].join(' ');
        last.body = [last.body, ...lead.map((s) => s.text)].join(' ');
    }
    return pieces;
}

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
 * Joins neighbouring pieces into problems: a piece starts a problem of its own when both it and
 * the problem before are long enough, and it is opened by a list marker or a strong separator
 * ("another thing", "otra cosa"), or is about something else (see `differ`; a weak separator,
 * or a message that announced several problems, lets two categories of one product count as
 * two). Fewer than two problems: [].
 */
async function partsOf(segments: readonly Segment[], classify: (text: string) => Promise<Classification>, minConfidence: number, announced: boolean): Promise<ProblemPart[]> {
    const pieces = await withLeads(segments, (text) => tellsProblem(text, classify, minConfidence));
    if (pieces.length < 2) return [];
    const parts: ProblemPart[] = [];
    for (const piece of pieces) {
        const last = parts.at(-1);
        const classification = await classify(piece.text);
        const own = last && wordCount(piece.body) >= MIN_WORDS && wordCount(last.body) >= MIN_WORDS && (piece.opens === 'strong' || differ(last.classification, classification, minConfidence, piece.opens !== 'none' || announced));
        if (last && !own) {
            const joined = `${last.text} ${piece.text}`;
            parts[parts.length - 1] = { text: joined, classification: await classify(joined), body: `${last.body} ${piece.text}` };
        } else {
            parts.push({ text: piece.text, classification, body: piece.body });
        }
    }
    return parts.length < 2 || parts.some((p) => wordCount(p.body) < MIN_WORDS) ? [] : parts;
}

/**
 * The separate problems a customer told in one message, in the order told. Without a sign of
 * several problems (a separator word, a list, an announcement such as "two things", or the
 * caller's word that it holds several) it is one problem told in several sentences. Otherwise
 * the message is cut into pieces (see `segmentsOf`), classified, and neighbours about the same
 * thing, or too short to stand alone, are joined again; plain conjunctions are tried only when
 * that finds fewer than two. One element for a single problem.
 */
export async function splitProblems(text: string, classify: (text: string) => Promise<Classification>, minConfidence: number, atConjunctions = false): Promise<ProblemPart[]> {
    const single = async (): Promise<ProblemPart[]> => [{ text, classification: await classify(text), body: text }];
    const folded = normalizeText(text);
    const announced = listItems(text) !== undefined || ANNOUNCEMENT.test(folded);
    if (!atConjunctions && !announced && !SEPARATOR_ANYWHERE.test(folded)) return single();
    const bySentence = await partsOf(segmentsOf(text, false), classify, minConfidence, announced);
    if (bySentence.length >= 2) return bySentence;
    if (!atConjunctions && !announced) return single();
    const byConjunction = await partsOf(segmentsOf(text, true), classify, minConfidence, announced);
    return byConjunction.length >= 2 ? byConjunction : single();
}
