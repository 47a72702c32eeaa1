/**
 * Token buckets per key (an API key's name): `perMinute` requests a minute on average, and up
 * to that many at once after a quiet minute. In process: with several instances each allows
 * its own share, which bounds a runaway caller without a shared counter. Keys are the
 * configured API keys, so the map stays small.
 */
export class TokenBucket {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();
    private readonly ratePerMs: number;

    constructor(
        private readonly perMinute: number,
        private readonly now: () => number = Date.now,
    ) {
        this.ratePerMs = perMinute / 60_000;
    }

    /** Takes a token for `key`: 0 when allowed, else the seconds until one is free (for Retry-After). */
    take(key: string): number {
        const now = this.now();
        const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
        bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.ratePerMs);
        bucket.at = now;
        this.buckets.set(key, bucket);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerMs / 1000));
    }
}
