/** Accuracy, macro-F1 and confusion matrices for scripts/eval.ts. */

/** One gold/predicted pair with the prediction's confidence. */
export interface Pair {
    gold: string;
    pred: string;
    confidence: number;
    lang: string;
    text: string;
}

/** Share of pairs whose prediction equals the gold label (0 when there are none). */
export function accuracy(pairs: readonly Pair[]): number {
    return pairs.length === 0 ? 0 : pairs.filter((p) => p.gold === p.pred).length / pairs.length;
}

/** Unweighted mean F1 over the labels that occur as gold or prediction. */
export function macroF1(pairs: readonly Pair[], labels: readonly string[]): number {
    const used = labels.filter((l) => pairs.some((p) => p.gold === l || p.pred === l));
    if (used.length === 0) return 0;
    const f1s = used.map((l) => {
        const tp = pairs.filter((p) => p.gold === l && p.pred === l).length;
        const fp = pairs.filter((p) => p.gold !== l && p.pred === l).length;
        const fn = pairs.filter((p) => p.gold === l && p.pred !== l).length;
        return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    });
    return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

/** Confusion matrix as text: rows are gold labels, columns predictions. */
export function confusion(pairs: readonly Pair[], labels: readonly string[]): string {
    const width = Math.max(6, ...labels.map((l) => l.length)) + 1;
    const cell = (s: string): string => s.padStart(width);
    const lines = [`${'gold\\pred'.padEnd(width + 2)}${labels.map(cell).join('')}`];
    for (const g of labels) {
        const counts = labels.map((p) => String(pairs.filter((x) => x.gold === g && x.pred === p).length));
        lines.push(`${g.padEnd(width + 2)}${counts.map(cell).join('')}`);
    }
    return lines.join('\n');
}

/** Mean confidence of the pairs (to compare with accuracy: calibration). */
export function meanConfidence(pairs: readonly Pair[]): number {
    return pairs.length === 0 ? 0 : pairs.reduce((s, p) => s + p.confidence, 0) / pairs.length;
}
