import { LANGUAGES, type Category, type Kind, type Language, type Product, type Severity } from '../policy/types';
import { softmax, type Classification, type Classifier, type Scored } from './classifier';
import { CATEGORY_CUES, KIND_CUES, LANGUAGE_CUES, PRODUCT_CUES, SEVERITY_CUES, type Cue } from './lexicon';
import { normalizeText } from './normalize';

const MAX_CLASSIFIED_CHARS = 4000;

/** Each cue's pattern made global once, for counting its matches (`match` resets `lastIndex`). */
const globals = new Map<RegExp, RegExp>();

function everyMatch(pattern: RegExp): RegExp {
    let global = globals.get(pattern);
    if (!global) {
        global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
        globals.set(pattern, global);
    }
    return global;
}

/** Detection leans to English when nothing else is clear. */
const LANGUAGE_BASE = Object.fromEntries(LANGUAGES.map((language) => [language, language === 'en' ? 0.5 : 0])) as Record<Language, number>;

function score<T extends string>(text: string, cues: Array<Cue<T>>, base: Record<T, number>): Array<Scored<T>> {
    const scores = { ...base };
    for (const c of cues) {
        const matches = text.match(everyMatch(c.pattern));
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
        const language = top(score<Language>(text, LANGUAGE_CUES, LANGUAGE_BASE));
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
