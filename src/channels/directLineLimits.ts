/**
 * Memory bounds of the built-in Direct Line. Conversations, activities per conversation and
 * bytes are all bounded, so that no number of visitors (or of requests from one) can make the
 * process grow beyond about `maxTotalBytes` plus bookkeeping.
 */
export interface DirectLineLimits {
    /** Conversations kept at once (DIRECT_LINE_MAX_CONVERSATIONS). */
    maxConversations: number;
    maxActivitiesPerConversation: number;
    /** A conversation unused this long is forgotten (its token stops working). */
    idleMs: number;
    /** A conversation used this recently is live: never evicted to make room, new ones are refused instead. */
    liveMs: number;
    /** One activity, serialised. */
    maxActivityBytes: number;
    /** One conversation's activities, serialised; the oldest go first. */
    maxConversationBytes: number;
    /** All conversations' activities together (DIRECT_LINE_MAX_BYTES). */
    maxTotalBytes: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = {
    maxConversations: 10_000,
    maxActivitiesPerConversation: 500,
    idleMs: 60 * 60 * 1000,
    liveMs: 2 * 60 * 1000,
    maxActivityBytes: 64 * 1024,
    maxConversationBytes: 1024 * 1024,
    maxTotalBytes: 64 * 1024 * 1024,
};

/** A request the built-in Direct Line cannot take within its limits: 413 (too large) or 503 (full, retry later). */
export class DirectLineLimitError extends Error {
    constructor(
        readonly status: 413 | 503,
        readonly code: 'MessageSizeTooBig' | 'ServiceUnavailable',
        message: string,
    ) {
        super(message);
        this.name = 'DirectLineLimitError';
    }
}
