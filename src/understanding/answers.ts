import type { Category, Kind, Product } from '../policy/types';
import { parseImpact, parseYesNo } from './intents';
import { KeywordClassifier } from './keywordClassifier';
import { anyWord, normalizeText, wholeText } from './normalize';
import { inAnyLanguage } from './packs';

const cues = new KeywordClassifier();
const NOT_SURE = anyWord(inAnyLanguage((p) => p.notSure));
const COMMERCIAL = anyWord(inAnyLanguage((p) => p.answerWords.commercial));
const TECHNICAL = anyWord(inAnyLanguage((p) => p.answerWords.technical));
const BROKEN = anyWord(inAnyLanguage((p) => p.answerWords.breakFix));
const ADVICE = anyWord(inAnyLanguage((p) => p.answerWords.advisory));

/** Reads a typed answer to "which service?". */
export function recognizeProduct(text: string): Product | undefined {
    if (NOT_SURE.test(normalizeText(text))) return 'unknown';
    const product = cues.classifySync(text).product;
    return product.label !== 'unknown' && product.confidence >= 0.5 ? product.label : undefined;
}

/** Reads a typed answer to "commercial or technical?". */
export function recognizeCategory(text: string): Category | undefined {
    const t = normalizeText(text);
    const commercial = COMMERCIAL.test(t);
    const technical = TECHNICAL.test(t);
    if (commercial === technical) return undefined;
    return commercial ? 'commercial' : 'technical';
}

/** Reads a typed answer to "broken, or a how-to question?". */
export function recognizeKind(text: string): Kind | undefined {
    const t = normalizeText(text);
    const broken = BROKEN.test(t);
    const advice = ADVICE.test(t);
    if (broken === advice) return undefined;
    return broken ? 'break-fix' : 'advisory';
}

/** Reads yes/no as the choice values 'yes' and 'no'. */
export function recognizeYesNo(text: string): 'yes' | 'no' | undefined {
    const answer = parseYesNo(text);
    return answer === undefined ? undefined : answer ? 'yes' : 'no';
}

export { parseImpact as recognizeImpact };

const RATING = new RegExp(`^([1-5])(\\s*(\\/\\s*5|${inAnyLanguage((p) => p.ratingUnits).join('|')}))?$`, 'i');

/** Reads a rating typed as text ("4", "4/5", "4 estrellas"); undefined when it is not one. */
export function parseTypedRating(text: string): number | undefined {
    const digit = RATING.exec(text)?.[1];
    return digit === undefined ? undefined : Number(digit);
}

const NO_PLAN = wholeText(inAnyLanguage((p) => p.noPlan), 'i');

/** True when the answer to "your support plan id?" says there is none ("none", "ninguno", "нет"). */
export function saysNoPlan(text: string): boolean {
    return NO_PLAN.test(text);
}
