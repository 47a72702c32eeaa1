/** Figures of one measured run against one server. */
export interface RunFigures {
    turns: number;
    seconds: number;
    turnsPerSecond: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
}

/** The value at quantile q (0..1) of ascending-sorted values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[rank] as number;
}

/** Turns/s and latency quantiles over all the latencies (ms) gathered in `seconds` of wall time. */
export function figures(latencies: number[], seconds: number, errors: number): RunFigures {
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
        turns: sorted.length,
        seconds,
        turnsPerSecond: sorted.length / seconds,
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        p99: quantile(sorted, 0.99),
        errors,
    };
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One line of a run's figures. */
export function describeRun(label: string, f: RunFigures): string {
    return `${label.padEnd(14)} ${String(f.turns).padStart(6)} turns in ${f.seconds.toFixed(1).padStart(5)} s = ${f.turnsPerSecond.toFixed(0).padStart(5)} turns/s; latency ms p50 ${f.p50.toFixed(1)}, p95 ${f.p95.toFixed(1)}, p99 ${f.p99.toFixed(1)}; errors ${f.errors}`;
}
