/** A function that keeps its recent results (see {@link recentResults}). */
export interface RecentResults<R> {
    (input: string): R;
    /** Drops what was kept for `input` (a result that turned out to be a failure). */
    forget(input: string): void;
}

/**
 * `compute` with its results for the last `size` distinct inputs kept: a turn asks several
 * questions of one message (several problems? a phone question? its classification?) and
 * each would otherwise work it out again, while other conversations' turns run in between.
 * For pure functions only.
 */
export function recentResults<R>(compute: (input: string) => R, size = 64): RecentResults<R> {
    const kept = new Map<string, R>();
    const recall = (input: string): R => {
        if (kept.has(input)) return kept.get(input) as R;
        const result = compute(input);
        if (kept.size >= size) kept.delete(kept.keys().next().value as string);
        kept.set(input, result);
        return result;
    };
    return Object.assign(recall, { forget: (input: string) => void kept.delete(input) });
}
