import type { Category, Kind, Language, Product, Severity } from '../policy/types';
import { softmax, type Classification, type Classifier, type Scored } from './classifier';
import { CATEGORY_CUES, KIND_CUES, LANGUAGE_CUES, PRODUCT_CUES, SEVERITY_CUES, type Cue } from './lexicon';
import { normalizeText } from './normalize';

const MAX_CLASSIFIED_CHARS = 4000;

function score<T extends string>(text: string, cues: Array<Cue<T>>, base: Record<T, number>): Array<Scored<T>> {
    const scores = { ...base };
    for (const c of cues) {
        const matches = text.match(new RegExp(c.pattern.source, c.pattern.flags.includes('g') ? c.pattern.flags : c.pattern.flags + 'g'));
        if (matches) scores[c.label] += c.weight * Math.min(matches.length, 3);
    }
    return softmax(scores);
}

const top = <T>(ranked: Array<Scored<T>>): Scored<T> => ranked[0] as Scored<T>;

/**
 * First-version classifier: weighted cue patterns per field, turned into confidences with a
 * softmax. Text without cues gets flat scores, so low confidence and the dialog asks.
 */
export class KeywordClassifier implements Classifier {
    async classify(text: string): Promise<Classification> {
        return this.classifySync(text);
    }

    classifySync(raw: string): Classification {
        const text = normalizeText(String(raw ?? '').slice(0, MAX_CLASSIFIED_CHARS));
        const language = top(score<Language>(text, LANGUAGE_CUES, { en: 0.5, es: 0, pt: 0, ru: 0 }));
        const category = top(score<Category>(text, CATEGORY_CUES, { commercial: 0, technical: 0.3 }));
        const products = score<Product>(text, PRODUCT_CUES, { azure: 0, microsoft365: 0, dynamics365: 0, ems: 0, unknown: 1.5 });
        const kind = top(score<Kind>(text, KIND_CUES, { 'break-fix': 0.2, advisory: 0 }));
        const severities = score<Severity | 'none'>(text, SEVERITY_CUES as Array<Cue<Severity | 'none'>>, { A: 0, B: 0, C: 0, none: 2 });
        const severity = top(severities);
        return {
            language,
            category,
            product: top(products),
            kind,
            severity: severity.label === 'none' ? null : (severity as Scored<Severity>),
        };
    }
}
