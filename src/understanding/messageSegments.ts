import { anyWord, normalizeText } from './normalize';
import { inAnyLanguage } from './packs';
import { sentencesOf } from './sentences';

/**
 * How a piece of a message begins: with a list marker or words that open another problem on
 * their own ("another thing", "otra cosa", "во-вторых"), with words that may ("also",
 * "además"), or as a plain continuation.
 */
export type Opening = 'strong' | 'weak' | 'none';

/** A piece of a message, as written, and how it begins. */
export interface Segment {
    text: string;
    opens: Opening;
}

const STRONG = inAnyLanguage((p) => p.problemSeparators.strong);
const WEAK = inAnyLanguage((p) => p.problemSeparators.weak);
const starting = (patterns: readonly string[]): RegExp => new RegExp(`^(?:${patterns.join('|')})(?: |$)`, 'u');
const STRONG_START = starting(STRONG);
const WEAK_START = starting(WEAK);

/** Conjunctions that may join two problems ("…is wrong and Teams is down"), or come before a separator ("and separately"). */
const CONJUNCTION = /^(?:and|but|y|pero|e|mas|и|а|но)$/u;
const LEADING_CONJUNCTION = /^(?:and|but|y|pero|e|mas|и|а|но) /u;

/** A separator word opening a clause anywhere in folded text (at the start, after punctuation or a conjunction). */
export const SEPARATOR_ANYWHERE = new RegExp(`(?:^|[.!?,;:] |(?:and|y|e|и|а) )(?:${[...STRONG, ...WEAK].join('|')})(?: |$)`, 'u');

/** Announcing several problems ("two things", "dos cosas", "два вопроса"): the packs' multi-problem cues. */
export const ANNOUNCEMENT = anyWord(inAnyLanguage((p) => p.intents.multiProblem));

/** Longest message cut word by word. */
const MAX_WORDS = 300;

/** How a clause begins, from its folded text. */
function openingOf(folded: string): Opening {
    const rest = folded.replace(LEADING_CONJUNCTION, '');
    return STRONG_START.test(rest) ? 'strong' : WEAK_START.test(rest) ? 'weak' : 'none';
}

const WHOLE_OPENING = new RegExp(`^(?:(?:and|but|y|pero|e|mas|и|а|но) )?(?:${[...STRONG, ...WEAK].join('|')})$`, 'u');

/**
 * A piece without the words that join it to what came before ("and also Outlook stopped…" →
 * "Outlook stopped…", "y además Teams…" → "Teams…"), for saying it back; the piece as it is
 * when it does not begin with them.
 */
export function withoutOpening(text: string): string {
    const words = text.trim().split(/\s+/);
    for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
        if (WHOLE_OPENING.test(normalizeText(words.slice(0, k).join(' ')))) return words.slice(k).join(' ');
    }
    return text;
}

/** List markers: "1)", "2.", "(3)", "a)", each after a space or at the start. */
const MARKER = /(?<=^|\s)\(?(?:([1-9])[).]|([a-e])\))(?=\s)/gu;
const BULLET = /^[ \t]*[-•*][ \t]+/gmu;

/**
 * The items of a list in the message ("1) … 2) …", "1. … 2. …", "a) … b) …", or bulleted
 * lines), markers removed, after the text before the list; undefined when there is no list
 * of at least two items numbered in order from the first.
 */
export function listItems(text: string): Segment[] | undefined {
    const run: RegExpMatchArray[] = [];
    for (const mark of text.matchAll(MARKER)) {
        const index = mark[1] ? Number(mark[1]) - 1 : (mark[2] ?? 'a').charCodeAt(0) - 97;
        const sameStyle = run.length === 0 || Boolean(run[0]?.[1]) === Boolean(mark[1]);
        if (index === run.length && sameStyle) run.push(mark);
    }
    const marks = run.length >= 2 ? run : [...text.matchAll(BULLET)];
    if (marks.length < 2) return undefined;
    const starts = marks.map((m) => m.index ?? 0);
    const before = text.slice(0, starts[0]).trim();
    const items = marks.map((m, k) => ({ text: text.slice((m.index ?? 0) + m[0].length, starts[k + 1] ?? text.length).trim(), opens: 'strong' as const }));
    return [...(before ? [{ text: before, opens: 'none' as const }] : []), ...items].filter((s) => s.text);
}

/**
 * Cuts a sentence where another problem may begin: before a separator word that opens a clause
 * (after a comma, a dash or a conjunction, or at the start), and, when `atConjunctions`, before
 * any "and"/"y"/"e"/"и". The parts keep their wording.
 */
function clauses(sentence: string, atConjunctions: boolean): Segment[] {
    const words = sentence.split(/\s+/).filter(Boolean);
    if (words.length > MAX_WORDS) return [{ text: sentence, opens: 'none' }];
    const folded = words.map((w) => normalizeText(w));
    const cuts = new Set<number>();
    for (let i = 1; i < words.length; i++) {
        const previous = words[i - 1] ?? '';
        const opensClause = /[,;:]$|^[—–-]$/.test(previous) || CONJUNCTION.test(folded[i - 1] ?? '');
        if (atConjunctions && CONJUNCTION.test(folded[i] ?? '')) cuts.add(i);
        if (folded[i] && opensClause && openingOf(folded.slice(i).filter(Boolean).join(' ')) !== 'none') cuts.add(CONJUNCTION.test(folded[i - 1] ?? '') ? i - 1 : i);
    }
    const ordered = [...cuts].filter((c) => c > 1).sort((a, b) => a - b);
    return [0, ...ordered]
        .map((from, k) => words.slice(from, ordered[k] ?? words.length).join(' '))
        .map((p) => p.replace(/^[\s,;:.—–-]+|[\s,;—–-]+$/g, ''))
        .filter(Boolean)
        .map((text) => ({ text, opens: openingOf(normalizeText(text)) }));
}

/** Words before a colon that may only announce what follows ("Another thing:", "Dos cosas:"). */
const MAX_ANNOUNCEMENT_WORDS = 5;

/** "Two things: the invoice…", "Another thing: …" → the announcement and what follows it, as two segments. */
function afterAnnouncement(segment: Segment): Segment[] {
    const colon = segment.text.indexOf(': ');
    const before = normalizeText(segment.text.slice(0, colon));
    const announces = ANNOUNCEMENT.test(before) || (openingOf(before) !== 'none' && before.split(' ').length <= MAX_ANNOUNCEMENT_WORDS);
    if (colon < 0 || !announces) return [segment];
    const rest = segment.text.slice(colon + 2).trim();
    return rest ? [{ text: segment.text.slice(0, colon + 1), opens: segment.opens }, { text: rest, opens: openingOf(normalizeText(rest)) }] : [segment];
}

/**
 * A message as the pieces where another problem may begin, in order: list items, sentences
 * (and clauses after a semicolon), clauses opened by separator words, the problem after an
 * announcement ("dos cosas: …"), and with `atConjunctions` clauses at plain conjunctions. The
 * first piece of a list item opens strongly.
 */
export function segmentsOf(text: string, atConjunctions: boolean): Segment[] {
    const items = listItems(text) ?? [{ text, opens: 'none' as const }];
    return items.flatMap((item) =>
        sentencesOf(item.text)
            .flatMap((sentence) => sentence.split(/(?<=;)\s+/u))
            .flatMap((sentence) => clauses(sentence, atConjunctions))
            .flatMap(afterAnnouncement)
            .map((segment, k) => (k === 0 && item.opens === 'strong' ? { ...segment, opens: 'strong' as const } : segment)),
    );
}
