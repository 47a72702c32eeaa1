import type { Featurized, SparseVector } from '../../src/understanding/model/features';
import { coverageScale, wordCoverage, type HeadJson, type ModelJson } from '../../src/understanding/model/linearModel';
import { mulberry32 } from '../../src/random';
import { argmax, logitsOf, permutation, trainSoftmax } from './softmax';
import { fitTemperature } from './temperature';
import type { TrainOptions } from './trainOptions';

/** One softmax head to train: its classes and, per featurised row, the label (null: the row does not train this head). */
export interface HeadTask {
    name: string;
    classes: readonly string[];
    labels: ReadonlyArray<string | null>;
    /** Mixed into the seed, so each head of a model gets its own shuffles. */
    seedIndex: number;
}

/** Per-head figures reported by training. */
export interface HeadReport {
    name: string;
    rows: number;
    trainAccuracy: number;
    heldOutAccuracy: number;
    temperature: number;
    storedRows: number;
}

/** Bitset over the hash space of the word-unigram buckets seen in the rows. */
export function vocabOf(items: readonly Featurized[], dim: number): Uint8Array {
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

/** Trains, calibrates (k-fold held-out logits, temperature scaling) and serialises one head. */
export function trainHead(task: HeadTask, feats: readonly Featurized[], opts: TrainOptions, dim: number): { json: HeadJson; report: HeadReport } {
    const { name, classes } = task;
    const picked: number[] = [];
    const ys: number[] = [];
    task.labels.forEach((label, i) => {
        if (label === null) return;
        picked.push(i);
        ys.push(classes.indexOf(label));
    });
    const xs = picked.map((i) => (feats[i] as Featurized).vector);
    const k = classes.length;
    const headSeed = (opts.seed ^ Math.imul(task.seedIndex, 0x9e3779b1)) >>> 0;

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
export function dropRareBuckets(feats: Featurized[], minDocs: number, dim: number): Featurized[] {
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

/** A model file's content: the settings it was trained with, the vocabulary bitset and the trained heads. */
export function assembleModel(format: string, feats: readonly Featurized[], heads: readonly HeadJson[], opts: TrainOptions): ModelJson {
    const dim = 1 << opts.features.hashBits;
    return {
        format,
        features: { ...opts.features },
        fullCoverage: opts.fullCoverage,
        weightScale: WEIGHT_SCALE,
        vocab: Buffer.from(vocabOf(feats, dim)).toString('base64'),
        heads: [...heads],
    };
}
