import type { Category, Kind, Language, Product, Severity } from '../policy/types';

/** A label with the classifier's confidence in it, in [0, 1]. */
export interface Scored<T> {
    label: T;
    confidence: number;
}

/** What the bot understood of a first message. */
export interface Classification {
    language: Scored<Language>;
    category: Scored<Category>;
    product: Scored<Product>;
    /** Only meaningful for technical issues. */
    kind: Scored<Kind>;
    /** Severity from the impact the message states; null when it states none. */
    severity: Scored<Severity> | null;
}

/** Anything that can classify a customer's first message. Never throws on odd input. */
export interface Classifier {
    classify(text: string): Promise<Classification>;
}

/** Turns raw scores into probabilities (softmax), so confidences compare across fields. */
export function softmax<T extends string>(scores: Record<T, number>): Array<Scored<T>> {
    const entries = Object.entries(scores) as Array<[T, number]>;
    const max = Math.max(...entries.map(([, s]) => s));
    const exps = entries.map(([label, s]) => [label, Math.exp(s - max)] as const);
    const total = exps.reduce((sum, [, e]) => sum + e, 0);
    return exps.map(([label, e]) => ({ label, confidence: e / total })).sort((a, b) => b.confidence - a.confidence);
}
