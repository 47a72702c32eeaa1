import { softmaxScaled } from '../../src/understanding/model/linearModel';

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
