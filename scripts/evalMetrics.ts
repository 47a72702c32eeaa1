/** Accuracy, precision, recall, macro-F1 and confusion matrices for scripts/eval.ts and scripts/evalIntents.ts. */

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

/** True positives, false positives and false negatives of one label. */
function counts(pairs: readonly Pair[], label: string): { tp: number; fp: number; fn: number } {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
        if (p.pred === label && p.gold === label) tp++;
        else if (p.pred === label) fp++;
        else if (p.gold === label) fn++;
    }
    return { tp, fp, fn };
}

/** Share of predictions of `label` that are right (NaN when it is never predicted). */
export function precision(pairs: readonly Pair[], label: string): number {
    const { tp, fp } = counts(pairs, label);
    return tp + fp === 0 ? Number.NaN : tp / (tp + fp);
}

/** Share of gold `label` rows predicted as `label` (NaN when there are none). */
export function recall(pairs: readonly Pair[], label: string): number {
    const { tp, fn } = counts(pairs, label);
    return tp + fn === 0 ? Number.NaN : tp / (tp + fn);
}

/** F1 of one label (0 when it has no true positive). */
export function f1(pairs: readonly Pair[], label: string): number {
    const { tp, fp, fn } = counts(pairs, label);
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Unweighted mean F1 over the labels that occur as gold or prediction. */
export function macroF1(pairs: readonly Pair[], labels: readonly string[]): number {
    const used = labels.filter((l) => pairs.some((p) => p.gold === l || p.pred === l));
    if (used.length === 0) return 0;
    return used.map((l) => f1(pairs, l)).reduce((a, b) => a + b, 0) / used.length;
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
