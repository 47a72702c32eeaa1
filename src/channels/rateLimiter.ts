/**
 * A fixed-window rate limiter per key (client address, conversation), with bounded memory:
 * windows are forgotten once they have passed, and at most `maxKeys` keys are tracked.
 */
export class RateLimiter {
    private readonly windows = new Map<string, { start: number; count: number }>();

    constructor(
        private readonly limit: number,
        private readonly windowMs: number,
        private readonly maxKeys = 50_000,
        private readonly now: () => number = Date.now,
    ) {}

    /** True when the call is allowed; false when `key` has used up its window. */
    allow(key: string): boolean {
        const now = this.now();
        const window = this.windows.get(key);
        if (!window || now - window.start >= this.windowMs) {
            if (this.windows.size >= this.maxKeys) this.sweep(now);
            this.windows.set(key, { start: now, count: 1 });
            return true;
        }
        window.count++;
        return window.count <= this.limit;
    }

    private sweep(now: number): void {
        for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
        // Still full: drop the oldest entries (Map keeps insertion order).
        for (const key of this.windows.keys()) {
            if (this.windows.size < this.maxKeys) break;
            this.windows.delete(key);
        }
    }
}
