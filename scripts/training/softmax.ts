import type { SparseVector } from '../../src/understanding/model/features';
import { softmaxScaled } from '../../src/understanding/model/linearModel';
import { mulberry32 } from '../../src/random';
import type { TrainOptions } from './trainOptions';

/** Deterministic Fisher–Yates shuffle of 0..n-1. */
export function permutation(n: number, rng: () => number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
}

/** Dense weights of one multinomial logistic-regression head. */
export interface Weights {
    k: number;
    w: Float64Array;
    b: Float64Array;
}

export function logitsOf(m: Weights, x: SparseVector): Float64Array {
    const z = Float64Array.from(m.b);
    for (let i = 0; i < x.indices.length; i++) {
        const base = (x.indices[i] as number) * m.k;
        const v = x.values[i] as number;
        for (let c = 0; c < m.k; c++) z[c] = (z[c] as number) + v * (m.w[base + c] as number);
    }
    return z;
}

/**
 * AdaGrad on softmax cross-entropy with L2 on the active weights; fixed seed and epochs.
 * With `bags` > 1, the mean of that many runs that differ only in their shuffles: the same
 * linear model, less dependent on one order of the rows.
 */
export function trainSoftmax(xs: SparseVector[], ys: number[], k: number, dim: number, opts: TrainOptions, seed: number): Weights {
    const bags = Math.max(1, Math.floor(opts.bags ?? 1));
    if (bags === 1) return trainOnce(xs, ys, k, dim, opts, seed);
    const mean: Weights = { k, w: new Float64Array(dim * k), b: new Float64Array(k) };
    for (let bag = 0; bag < bags; bag++) {
        const m = trainOnce(xs, ys, k, dim, opts, (seed + Math.imul(bag, 0x2545f491)) >>> 0);
        for (let i = 0; i < m.w.length; i++) if (m.w[i] !== 0) mean.w[i] = (mean.w[i] as number) + (m.w[i] as number) / bags;
        for (let c = 0; c < k; c++) mean.b[c] = (mean.b[c] as number) + (m.b[c] as number) / bags;
    }
    return mean;
}

function trainOnce(xs: SparseVector[], ys: number[], k: number, dim: number, opts: TrainOptions, seed: number): Weights {
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

/** Index of the largest value. */
export const argmax = (v: Float64Array): number => v.reduce((best, x, i) => (x > (v[best] as number) ? i : best), 0);
