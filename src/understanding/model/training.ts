import { CATEGORIES, KINDS, LANGUAGES, PRODUCTS, SEVERITIES } from '../../policy/types';
import { DEFAULT_FEATURE_CONFIG, featurize, type FeatureConfig, type Featurized, type SparseVector } from './features';
import { coverageScale, HEAD_NAMES, MODEL_FORMAT, softmaxScaled, wordCoverage, type HeadJson, type HeadName, type ModelJson } from './linearModel';
import type { CorpusRow } from './split';
import { mulberry32 } from '../../random';

/** Optimiser settings shared by all heads. */
export interface TrainOptions {
    epochs: number;
    learningRate: number;
    l2: number;
    seed: number;
    /** Folds used to collect held-out logits for temperature scaling; below 2 skips calibration (temperature 1). */
    calibrationFolds: number;
    /** Weights below this in magnitude are stored as 0; buckets with only zeros are dropped. */
    prune: number;
    fullCoverage: number;
    /** Buckets present in fewer training rows than this are not used (keeps model.json small). */
    minDocs: number;
    features: FeatureConfig;
    /** Optimiser settings that differ for one head. */
    heads?: Partial<Record<HeadName, Partial<Pick<TrainOptions, 'epochs' | 'learningRate' | 'l2'>>>>;
}

/** Per-head figures reported by training. */
export interface HeadReport {
    name: HeadName;
    rows: number;
    trainAccuracy: number;
    heldOutAccuracy: number;
    temperature: number;
    storedRows: number;
}

/** Classes of each head; severity's 'none' stands for null. */
export const HEAD_CLASSES: Record<HeadName, readonly string[]> = {
    lang: LANGUAGES,
    category: CATEGORIES,
    product: PRODUCTS,
    kind: KINDS,
    severity: [...SEVERITIES, 'none'],
};

/** Training label of a row for a head, or null when the row does not train that head. */
export function headLabel(row: CorpusRow, head: HeadName): string | null {
    switch (head) {
        case 'lang':
            return row.lang;
        case 'category':
            return row.category;
        case 'product':
            return row.product;
        case 'kind':
            return row.category === 'technical' ? row.kind : null;
        case 'severity':
            return row.category === 'technical' && row.kind === 'break-fix' ? (row.severity ?? 'none') : null;
    }
}

/** Deterministic Fisher–Yates shuffle of 0..n-1. */
function permutation(n: number, rng: () => number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
}

/** Dense weights of one multinomial logistic-regression head. */
interface Weights {
    k: number;
    w: Float64Array;
    b: Float64Array;
}

function logitsOf(m: Weights, x: SparseVector): Float64Array {
    const z = Float64Array.from(m.b);
    for (let i = 0; i < x.indices.length; i++) {
        const base = (x.indices[i] as number) * m.k;
        const v = x.values[i] as number;
        for (let c = 0; c < m.k; c++) z[c] = (z[c] as number) + v * (m.w[base + c] as number);
    }
    return z;
}

/** AdaGrad on softmax cross-entropy with L2 on the active weights; fixed seed and epochs. */
function trainSoftmax(xs: SparseVector[], ys: number[], k: number, dim: number, opts: TrainOptions, seed: number): Weights {
    const m: Weights = { k, w: new Float64Array(dim * k), b: new Float64Array(k) };
    const g2 = new Float64Array(dim * k);
    const gb2 = new Float64Array(k);
    const rng = mulberry32(seed);
    const grad = new Float64Array(k);
    const eps = 1e-8;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
        for (const i of permutation(xs.length, rng)) {
            const x = xs[i] as SparseVector;
            const p = softmaxScaled(logitsOf(m, x), 1);
            for (let c = 0; c < k; c++) grad[c] = (p[c] as number) - (c === ys[i] ? 1 : 0);
            for (let c = 0; c < k; c++) {
                const g = grad[c] as number;
                gb2[c] = (gb2[c] as number) + g * g;
                m.b[c] = (m.b[c] as number) - (opts.learningRate * g) / (Math.sqrt(gb2[c] as number) + eps);
            }
            for (let j = 0; j < x.indices.length; j++) {
                const base = (x.indices[j] as number) * k;
                const v = x.values[j] as number;
                for (let c = 0; c < k; c++) {
                    const idx = base + c;
                    const g = (grad[c] as number) * v + opts.l2 * (m.w[idx] as number);
                    g2[idx] = (g2[idx] as number) + g * g;
                    m.w[idx] = (m.w[idx] as number) - (opts.learningRate * g) / (Math.sqrt(g2[idx] as number) + eps);
                }
            }
        }
    }
    return m;
}

/** Mean negative log-likelihood of labels under softmax(logits * scale / t). */
function nll(logits: Float64Array[], scales: number[], ys: number[], t: number): number {
    let total = 0;
    logits.forEach((z, i) => {
        const p = softmaxScaled(z, (scales[i] as number) / t);
        total -= Math.log(Math.max(p[ys[i] as number] as number, 1e-12));
    });
    return total / Math.max(1, logits.length);
}

/** Temperature minimising held-out NLL: log-grid over [0.05, 20], then golden-section refinement. */
export function fitTemperature(logits: Float64Array[], scales: number[], ys: number[]): number {
    let best = 1;
    let bestLoss = Infinity;
    for (let i = 0; i <= 120; i++) {
        const t = 0.05 * Math.pow(400, i / 120);
        const loss = nll(logits, scales, ys, t);
        if (loss < bestLoss) [best, bestLoss] = [t, loss];
    }
    let lo = best / Math.pow(400, 1 / 120);
    let hi = best * Math.pow(400, 1 / 120);
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 40; i++) {
        const a = hi - phi * (hi - lo);
        const b = lo + phi * (hi - lo);
        if (nll(logits, scales, ys, a) < nll(logits, scales, ys, b)) hi = b;
        else lo = a;
    }
    return (lo + hi) / 2;
}

const argmax = (v: Float64Array): number => v.reduce((best, x, i) => (x > (v[best] as number) ? i : best), 0);

function vocabOf(items: readonly Featurized[], dim: number): Uint8Array {
    const bits = new Uint8Array(dim >>> 3);
    for (const f of items) for (const b of f.wordBuckets) bits[b >>> 3] = (bits[b >>> 3] as number) | (1 << (b & 7));
    return bits;
}

/** Weights are stored as integers in units of 1/WEIGHT_SCALE (4 decimals). */
const WEIGHT_SCALE = 10_000;

const round4 = (x: number): number => {
    const r = Math.round(x * 1e4) / 1e4;
    return r === 0 ? 0 : r;
};

/** Trains, calibrates and serialises one head. */
function trainHead(name: HeadName, rows: readonly CorpusRow[], feats: readonly Featurized[], baseOpts: TrainOptions, dim: number): { json: HeadJson; report: HeadReport } {
    const opts: TrainOptions = { ...baseOpts, ...(baseOpts.heads?.[name] ?? {}) };
    const classes = HEAD_CLASSES[name];
    const picked: number[] = [];
    const ys: number[] = [];
    rows.forEach((row, i) => {
        const label = headLabel(row, name);
        if (label === null) return;
        picked.push(i);
        ys.push(classes.indexOf(label));
    });
    const xs = picked.map((i) => (feats[i] as Featurized).vector);
    const k = classes.length;
    const headSeed = (opts.seed ^ Math.imul(HEAD_NAMES.indexOf(name) + 1, 0x9e3779b1)) >>> 0;

    // Held-out logits from k-fold training, for temperature scaling and an honest accuracy.
    const foldOf = new Int32Array(picked.length);
    const folds = Math.max(0, Math.floor(opts.calibrationFolds));
    permutation(picked.length, mulberry32(headSeed ^ 0xf01d)).forEach((row, pos) => (foldOf[row] = folds > 0 ? pos % folds : 0));
    const heldLogits: Float64Array[] = new Array<Float64Array>(picked.length);
    const heldScales: number[] = new Array<number>(picked.length).fill(1);
    for (let fold = 0; folds >= 2 && fold < folds; fold++) {
        const trainIdx = picked.map((_, j) => j).filter((j) => foldOf[j] !== fold);
        const m = trainSoftmax(trainIdx.map((j) => xs[j] as SparseVector), trainIdx.map((j) => ys[j] as number), k, dim, opts, headSeed + fold + 1);
        const vocab = vocabOf(trainIdx.map((j) => feats[picked[j] as number] as Featurized), dim);
        picked.forEach((rowIndex, j) => {
            if (foldOf[j] !== fold) return;
            heldLogits[j] = logitsOf(m, xs[j] as SparseVector);
            heldScales[j] = coverageScale(wordCoverage(feats[rowIndex] as Featurized, vocab), opts.fullCoverage);
        });
    }
    const calibrated = opts.calibrationFolds >= 2;
    const temperature = calibrated ? fitTemperature(heldLogits, heldScales, ys) : 1;
    const heldOutAccuracy = calibrated ? heldLogits.filter((z, j) => argmax(z) === ys[j]).length / Math.max(1, ys.length) : Number.NaN;

    const m = trainSoftmax(xs, ys, k, dim, opts, headSeed);
    const trainAccuracy = xs.filter((x, j) => argmax(logitsOf(m, x)) === ys[j]).length / Math.max(1, ys.length);

    const buckets: number[] = [];
    const weights: number[] = [];
    let last = 0;
    for (let bucket = 0; bucket < dim; bucket++) {
        const row = Array.from(m.w.subarray(bucket * k, bucket * k + k), (w) => (Math.abs(w) < opts.prune ? 0 : Math.round(w * WEIGHT_SCALE)));
        if (row.every((w) => w === 0)) continue;
        buckets.push(bucket - last);
        last = bucket;
        weights.push(...row);
    }
    const json: HeadJson = { name, classes: [...classes], temperature: round4(temperature), bias: Array.from(m.b, round4), buckets, weights };
    return { json, report: { name, rows: ys.length, trainAccuracy, heldOutAccuracy, temperature, storedRows: buckets.length } };
}

/** Removes buckets seen in fewer than minDocs rows from every vector (values are not renormalised). */
function dropRareBuckets(feats: Featurized[], minDocs: number, dim: number): Featurized[] {
    if (minDocs <= 1) return feats;
    const df = new Uint32Array(dim);
    for (const f of feats) for (const b of f.vector.indices) df[b] = (df[b] as number) + 1;
    return feats.map((f) => {
        const keep: number[] = [];
        f.vector.indices.forEach((b, i) => {
            if ((df[b] as number) >= minDocs) keep.push(i);
        });
        return { wordBuckets: f.wordBuckets, vector: { indices: Int32Array.from(keep, (i) => f.vector.indices[i] as number), values: Float32Array.from(keep, (i) => f.vector.values[i] as number) } };
    });
}

/** Trains every head on the rows and returns model.json content plus per-head figures. */
export function trainModel(rows: readonly CorpusRow[], opts: TrainOptions): { model: ModelJson; reports: HeadReport[] } {
    const dim = 1 << opts.features.hashBits;
    const feats = dropRareBuckets(rows.map((r) => featurize(r.text, opts.features)), opts.minDocs, dim);
    const results = HEAD_NAMES.map((name) => trainHead(name, rows, feats, opts, dim));
    const model: ModelJson = {
        format: MODEL_FORMAT,
        features: { ...opts.features },
        fullCoverage: opts.fullCoverage,
        weightScale: WEIGHT_SCALE,
        vocab: Buffer.from(vocabOf(feats, dim)).toString('base64'),
        heads: results.map((r) => r.json),
    };
    return { model, reports: results.map((r) => r.report) };
}

/** Serialises a model deterministically (stable key order, one head per line). */
export function serializeModel(model: ModelJson): string {
    const { heads, ...rest } = model;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"heads":[\n${heads.map((h) => JSON.stringify(h)).join(',\n')}\n]}\n`;
}

/** Settings used for the committed model.json (tuned on the dev split). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
    epochs: 20,
    learningRate: 0.2,
    l2: 1e-4,
    seed: 20240611,
    calibrationFolds: 5,
    prune: 1e-3,
    fullCoverage: 0.6,
    minDocs: 3,
    features: { ...DEFAULT_FEATURE_CONFIG, unigramWeight: 2, bigramWeight: 2, charWeight: 0.5, stemWeight: 2, stemLength: 5, shapeWeight: 1 },
};
