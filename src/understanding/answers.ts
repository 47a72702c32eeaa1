import type { Category, Kind, Product } from '../policy/types';
import { parseImpact, parseYesNo } from './intents';
import { KeywordClassifier } from './keywordClassifier';
import { normalizeText, wordPattern } from './normalize';

const cues = new KeywordClassifier();
const NOT_SURE = wordPattern(/\b(not sure|don t know|dont know|no idea|unsure|no se|nao sei|не знаю)\b/);
const COMMERCIAL = wordPattern(/\b(commercial|billing|bill|invoice|licen[cs]e|subscription|payment|comercial|facturacion|cobranca|коммерч\S*|счет\S*)\b/);
const TECHNICAL = wordPattern(/\b(technical|tech|tecnic[oa]|техническ\S*)\b/);
const BROKEN = wordPattern(/\b(broken|not working|error|fails?|down|break-fix|break fix|roto|no funciona|quebrado|nao funciona|сломал\S*|не работает)\b/);
const ADVICE = wordPattern(/\b(how to|how-to|how do|question|advice|advisory|pregunta|consulta|duvida|вопрос|консультац\S*)\b/);

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
