import { IMPACTS, type Impact } from '../policy/types';
import { anyWord, normalizeText, wholeText } from './normalize';
import { inAnyLanguage, type Command, type LanguagePack } from './packs';

/** What a message asks of the conversation itself, rather than answering the question. */
export type Interruption = 'help' | 'cancel' | 'restart' | 'human' | 'phone';

const COURTESY = `(?:${inAnyLanguage((p) => p.courtesy).join('|')})`;
const command = (name: Command): RegExp =>
    new RegExp(`^(?:${COURTESY} )?(?:${inAnyLanguage((p) => p.commands[name]).join('|')})(?: ${COURTESY})?$`, 'u');

/** Commands only count when they are the whole message, so "cancel my subscription" is an issue. */
const COMMANDS: Array<[Interruption, RegExp]> = [
    ['help', command('help')],
    ['cancel', command('cancel')],
    ['restart', command('restart')],
];

/** Requests for a person or for phone support may sit inside a longer message. */
const REQUESTS: Array<[Interruption, RegExp]> = [
    ['phone', anyWord(inAnyLanguage((p) => p.phoneRequests))],
    ['human', anyWord(inAnyLanguage((p) => p.personRequests))],
];

/** Classifies a message as an interruption, or null when it is an ordinary answer. */
export function detectInterruption(text: string): Interruption | null {
    const normalized = normalizeText(text).replace(/[.!]+$/, '');
    if (!normalized) return null;
    for (const [intent, pattern] of COMMANDS) if (pattern.test(normalized)) return intent;
    for (const [intent, pattern] of REQUESTS) if (pattern.test(normalized)) return intent;
    return null;
}

const LEAVE = wholeText(inAnyLanguage((p) => p.leave), 'i');

/** True for a request to leave the queue or the agent's chat ("leave", "salir"), besides the cancel commands. */
export function isLeaveRequest(text: string): boolean {
    return LEAVE.test(text);
}

const GREETING = new RegExp(
    `^(?:${inAnyLanguage((p) => p.greetings).join('|')})(?: (?:${inAnyLanguage((p) => p.greetingTails).join('|')}))?$`,
    'u',
);

/** True for a bare greeting, which is not yet a description of a problem. */
export function isGreeting(text: string): boolean {
    return GREETING.test(normalizeText(text).replace(/[.!,]+$/, ''));
}

/** "ok" means yes in every language. */
const YES = wholeText(['ok', 'okay', ...inAnyLanguage((p) => p.yes)]);
const NO = wholeText(inAnyLanguage((p) => p.no));

/** Reads a yes/no answer typed as text; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
    const t = normalizeText(text).replace(/[.!]+$/, '');
    if (YES.test(t)) return true;
    if (NO.test(t)) return false;
    return undefined;
}

/** Letters and digits of the severity scale, the same in every language. */
const SCALE: Record<string, Impact> = { a: 'critical', '1': 'critical', b: 'moderate', '2': 'moderate', c: 'minimal', '3': 'minimal' };

const answersOf = (impact: Impact) => (p: LanguagePack) => p.impactAnswers[impact];
const IMPACT_EXACT: ReadonlyMap<string, Impact> = new Map([
    ...Object.entries(SCALE),
    ...IMPACTS.flatMap((impact) => inAnyLanguage(answersOf(impact)).map((word): [string, Impact] => [word, impact])),
]);

const IMPACT_WORDS: Array<[Impact, RegExp]> = IMPACTS.map((impact) => [impact, anyWord(inAnyLanguage((p) => p.impactWords[impact]))]);

/** Reads the business impact from a free-text answer; undefined when it cannot tell. */
export function parseImpact(text: string): Impact | undefined {
    const t = normalizeText(text).replace(/[.!]+$/, '');
    if (!t) return undefined;
    const exact = IMPACT_EXACT.get(t);
    if (exact) return exact;
    const hits = IMPACT_WORDS.filter(([, pattern]) => pattern.test(t)).map(([impact]) => impact);
    return hits.length === 1 ? hits[0] : undefined;
}
