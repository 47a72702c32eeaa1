import { z } from 'zod';
import { featurize, type FeatureConfig, type Featurized } from './features';

/** Heads of the intake classifier's model, in the order they are stored. */
export const HEAD_NAMES = ['lang', 'category', 'product', 'kind', 'severity'] as const;
/** Name of one head. */
export type HeadName = (typeof HEAD_NAMES)[number];

/** Format tag written into model.json. */
export const MODEL_FORMAT = 'csp-intake-linear/1';

/** What a caller expects of a model file: its format tag and the names of its heads, in stored order. */
export interface ModelSpec<H extends string> {
    format: string;
    heads: readonly H[];
}

/** The intake classifier's model.json. */
export const CLASSIFIER_SPEC: ModelSpec<HeadName> = { format: MODEL_FORMAT, heads: HEAD_NAMES };

const FeatureConfigSchema = z.object({
    hashBits: z.number().int().min(8).max(24),
    charMin: z.number().int().min(1),
    charMax: z.number().int().min(1),
    unigramWeight: z.number().min(0),
    bigramWeight: z.number().min(0),
    charWeight: z.number().min(0),
    stemWeight: z.number().min(0),
    stemLength: z.number().int().positive(),
    shapeWeight: z.number().min(0),
    /** Absent in models trained before the service catalogue. */
    catalogueWeight: z.number().min(0).default(0),
    maxChars: z.number().int().positive(),
});

const HeadSchema = z.object({
    name: z.string().min(1),
    classes: z.array(z.string()).min(2),
    temperature: z.number().positive(),
    bias: z.array(z.number()),
    /** Bucket indices of the stored rows, delta-encoded (ascending). */
    buckets: z.array(z.number().int().nonnegative()),
    /** Row-major integer weights (divide by weightScale): one row of `classes.length` per bucket. */
    weights: z.array(z.number().int()),
});

/** Schema of a model file (model.json, intents.json); {@link ModelSpec} says which format and heads. */
export const ModelJsonSchema = z.object({
    format: z.string(),
    features: FeatureConfigSchema,
    /** Word coverage below which logits are shrunk towards uniform (see coverageScale). */
    fullCoverage: z.number().positive().max(1),
    /** Stored weights are integers; the real weight is stored / weightScale. */
    weightScale: z.number().positive(),
    /** Base64 bitset over 2^hashBits of the word-unigram buckets seen in training. */
    vocab: z.string(),
    heads: z.array(HeadSchema).min(1),
});

/** Parsed model file. */
export type ModelJson = z.infer<typeof ModelJsonSchema>;
/** One serialized head. */
export type HeadJson = z.infer<typeof HeadSchema>;

/** A head ready for scoring: dense bucket → row index, packed weights. */
export interface RuntimeHead {
    name: string;
    classes: readonly string[];
    temperature: number;
    bias: Float32Array;
    rowOf: Int32Array;
    weights: Float32Array;
}

/** Probabilities of one head's classes, in `classes` order. */
export interface HeadOutput {
    classes: readonly string[];
    probs: Float64Array;
}

/** Fraction of word tokens whose unigram bucket is in the vocabulary bitset (0 when no words). */
export function wordCoverage(f: Featurized, vocab: Uint8Array): number {
    if (f.wordBuckets.length === 0) return 0;
    let known = 0;
    for (const b of f.wordBuckets) if (((vocab[b >>> 3] ?? 0) >> (b & 7)) & 1) known++;
    return known / f.wordBuckets.length;
}

/**
 * Multiplier on logits: 1 at or above full coverage, falling quadratically to 0 with no
 * known words, so text in another language (few known words) gets near-uniform confidences.
 */
export function coverageScale(coverage: number, fullCoverage: number): number {
    const r = Math.min(1, coverage / fullCoverage);
    return r * r;
}

/** Numerically stable softmax of `logits * scale`, in place into a new array. */
export function softmaxScaled(logits: Float64Array, scale: number): Float64Array {
    const out = new Float64Array(logits.length);
    let max = -Infinity;
    for (let k = 0; k < logits.length; k++) max = Math.max(max, (logits[k] as number) * scale);
    let total = 0;
    for (let k = 0; k < logits.length; k++) {
        const e = Math.exp((logits[k] as number) * scale - max);
        out[k] = e;
        total += e;
    }
    for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / total;
    return out;
}

/** The loaded model: featurises text and returns calibrated probabilities per head. */
export class LinearModel<H extends string = HeadName> {
    private constructor(
        readonly features: FeatureConfig,
        readonly fullCoverage: number,
        private readonly vocab: Uint8Array,
        private readonly heads: ReadonlyMap<H, RuntimeHead>,
        private readonly headNames: readonly H[],
    ) {}

    /**
     * Builds the runtime model from validated JSON: the intake classifier's model.json, or with
     * `spec` another model file with its own format and heads. Throws `LinearModel.fromJson(): ...`
     * on bad content.
     */
    static fromJson(json: unknown): LinearModel;
    static fromJson<H extends string>(json: unknown, spec: ModelSpec<H>): LinearModel<H>;
    static fromJson(json: unknown, spec: ModelSpec<string> = CLASSIFIER_SPEC): LinearModel<string> {
        const parsed = ModelJsonSchema.safeParse(json);
        if (!parsed.success) throw new Error(`LinearModel.fromJson(): invalid model: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        const m = parsed.data;
        if (m.format !== spec.format) throw new Error(`LinearModel.fromJson(): invalid model: format: expected "${spec.format}", got "${m.format}"`);
        const size = 1 << m.features.hashBits;
        const vocab = new Uint8Array(Buffer.from(m.vocab, 'base64'));
        if (vocab.length !== size >>> 3) throw new Error('LinearModel.fromJson(): vocab bitset has the wrong size');
        const heads = new Map<string, RuntimeHead>();
        for (const h of m.heads) {
            if (!spec.heads.includes(h.name)) throw new Error(`LinearModel.fromJson(): unexpected head ${h.name}`);
            const k = h.classes.length;
            if (h.bias.length !== k || h.weights.length !== h.buckets.length * k) throw new Error(`LinearModel.fromJson(): head ${h.name} has inconsistent sizes`);
            const rowOf = new Int32Array(size).fill(-1);
            let bucket = 0;
            h.buckets.forEach((delta, row) => {
                bucket += delta;
                if (bucket >= size) throw new Error(`LinearModel.fromJson(): head ${h.name} bucket out of range`);
                rowOf[bucket] = row;
            });
            heads.set(h.name, { name: h.name, classes: h.classes, temperature: h.temperature, bias: Float32Array.from(h.bias), rowOf, weights: Float32Array.from(h.weights, (w) => w / m.weightScale) });
        }
        for (const name of spec.heads) if (!heads.has(name)) throw new Error(`LinearModel.fromJson(): head ${name} missing`);
        return new LinearModel(m.features, m.fullCoverage, vocab, heads, spec.heads);
    }

    /** The classes of one head, in the order of its probabilities. */
    classesOf(head: H): readonly string[] {
        return (this.heads.get(head) as RuntimeHead).classes;
    }

    /** Featurises text with the model's own settings. */
    featurize(text: string): Featurized {
        return featurize(text, this.features);
    }

    /** Calibrated probabilities of every head for one text. */
    predict(text: string): Record<H, HeadOutput> {
        return this.predictFeatures(this.featurize(text));
    }

    /** Calibrated probabilities of every head for text featurised by the caller (a model with extra features of its own). */
    predictFeatures(f: Featurized): Record<H, HeadOutput> {
        const scale = coverageScale(wordCoverage(f, this.vocab), this.fullCoverage);
        const out = {} as Record<H, HeadOutput>;
        for (const name of this.headNames) {
            const head = this.heads.get(name) as RuntimeHead;
            out[name] = { classes: head.classes, probs: softmaxScaled(rawLogits(head, f), scale / head.temperature) };
        }
        return out;
    }
}

/** Uncalibrated logits of one head: bias plus the weights of the active buckets. */
function rawLogits(head: RuntimeHead, f: Featurized): Float64Array {
    const k = head.classes.length;
    const z = Float64Array.from(head.bias);
    const { indices, values } = f.vector;
    for (let i = 0; i < indices.length; i++) {
        const row = head.rowOf[indices[i] as number] as number;
        if (row < 0) continue;
        const x = values[i] as number;
        const base = row * k;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + x * (head.weights[base + c] as number);
    }
    return z;
}
