import path from 'node:path';
import { projectRoot } from '../../paths';
import { CATEGORIES, KINDS, LANGUAGES, PRODUCTS, SEVERITIES, type Category, type Kind, type Language, type Product, type Severity } from '../../policy/types';
import type { Classification, Classifier, Scored } from '../classifier';
import { LinearModel, type HeadOutput } from './linearModel';
import { readModelFile } from './readModelFile';

/** Where the committed model lives, relative to the project root. */
export const MODEL_PATH = path.join('src', 'understanding', 'model', 'model.json');

/** Options of the trained classifier. */
export interface TrainedClassifierOptions {
    /**
     * When true (default), severity is null unless the message is classified as technical
     * break-fix, as the label schema requires.
     */
    gateSeverity?: boolean;
}

/**
 * The most probable label. When the distribution is flat (nothing known in the text) the
 * fallback label is returned instead of whichever class happens to come first.
 */
function top<T extends string>(out: HeadOutput, allowed: readonly T[], fallback: T): Scored<T> {
    let best = 0;
    let worst = 0;
    for (let i = 1; i < out.probs.length; i++) {
        if ((out.probs[i] as number) > (out.probs[best] as number)) best = i;
        if ((out.probs[i] as number) < (out.probs[worst] as number)) worst = i;
    }
    if ((out.probs[best] as number) - (out.probs[worst] as number) < 1e-9) return { label: fallback, confidence: 1 / allowed.length };
    const label = out.classes[best];
    const known = allowed.find((a) => a === label);
    return known === undefined ? { label: allowed[0] as T, confidence: 0 } : { label: known, confidence: out.probs[best] as number };
}

/** Labels used when the text gives no evidence at all (confidence is then chance level). */
const FALLBACK = { language: 'en', category: 'technical', product: 'unknown', kind: 'advisory' } as const satisfies {
    language: Language;
    category: Category;
    product: Product;
    kind: Kind;
};

/** What is returned if scoring itself ever fails: every field at chance level. */
function chance(): Classification {
    return {
        language: { label: FALLBACK.language, confidence: 1 / LANGUAGES.length },
        category: { label: FALLBACK.category, confidence: 1 / CATEGORIES.length },
        product: { label: FALLBACK.product, confidence: 1 / PRODUCTS.length },
        kind: { label: FALLBACK.kind, confidence: 1 / KINDS.length },
        severity: null,
    };
}

/**
 * Classifier backed by the trained linear model (hashed n-grams, one calibrated
 * logistic-regression head per field). Text with few known words gets confidences
 * pulled towards uniform, so the dialog asks instead of guessing.
 */
export class TrainedClassifier implements Classifier {
    private readonly gateSeverity: boolean;

    constructor(
        private readonly model: LinearModel,
        options: TrainedClassifierOptions = {},
    ) {
        this.gateSeverity = options.gateSeverity ?? true;
    }

    /** Loads model.json (default: the committed model under the project root). */
    static load(file: string = path.join(projectRoot(), MODEL_PATH), options: TrainedClassifierOptions = {}): TrainedClassifier {
        const json = readModelFile(file, 'TrainedClassifier.load()');
        try {
            return new TrainedClassifier(LinearModel.fromJson(json), options);
        } catch (err) {
            throw new Error(`TrainedClassifier.load(): ${file}: ${(err as Error).message}`, { cause: err });
        }
    }

    /** Same as {@link classifySync}; never rejects. */
    async classify(text: string): Promise<Classification> {
        return this.classifySync(text);
    }

    /** Classifies a first message. Never throws, whatever the input. */
    classifySync(text: unknown): Classification {
        try {
            const input = typeof text === 'string' ? text : String(text ?? '');
            const p = this.model.predict(input);
            const category = top<Category>(p.category, CATEGORIES, FALLBACK.category);
            const kind = top<Kind>(p.kind, KINDS, FALLBACK.kind);
            const severityTop = top<Severity | 'none'>(p.severity, [...SEVERITIES, 'none'], 'none');
            const gatedOut = this.gateSeverity && (category.label !== 'technical' || kind.label !== 'break-fix');
            const severity = severityTop.label === 'none' || gatedOut ? null : { label: severityTop.label, confidence: severityTop.confidence };
            return {
                language: top<Language>(p.lang, LANGUAGES, FALLBACK.language),
                category,
                product: top<Product>(p.product, PRODUCTS, FALLBACK.product),
                kind,
                severity,
            };
        } catch {
            return chance();
        }
    }
}
