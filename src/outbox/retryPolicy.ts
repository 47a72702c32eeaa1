/** When the outbox retries a failed delivery and when it gives up. */
export interface RetryPolicy {
    /** First retry waits up to this long; each further retry doubles the ceiling. */
    baseMs: number;
    /** The ceiling never exceeds this. */
    capMs: number;
    /** Attempts (including the first) before a message is dead. */
    maxAttempts: number;
    /** Age after which a message that still fails is dead. */
    maxAgeMs: number;
}

/**
 * Delay before the next attempt after `attempts` attempts: "full jitter" (a uniform draw
 * between 0 and min(cap, base * 2^(attempts-1))), so receivers recovering from an outage
 * are not hit by every sender at once; never shorter than what the receiver asked for
 * (Retry-After).
 */
export function nextDelayMs(policy: RetryPolicy, attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
    const exponent = Math.min(Math.max(attempts - 1, 0), 40);
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
    const jittered = Math.floor(random() * ceiling);
    return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}
