/**
 * The contract between the outbox worker and the code that delivers one kind of message
 * (agent notice in Teams, Partner Center service request, webhook, ...).
 */

/** Kinds of side effect that leave the process; each has one handler. */
export type OutboxKind = 'agent-notice' | 'agent-alert' | 'weekly-summary' | 'customer-notice' | 'service-request' | 'service-request-refresh' | 'webhook';

/** One stored message, as the worker hands it to a handler. */
export interface OutboxMessage {
    id: number;
    kind: OutboxKind;
    /** Stable per logical message: the receiver may use it to drop duplicates. */
    idempotencyKey: string;
    /** JSON-decoded payload, validated by the handler (zod). */
    payload: unknown;
    ticketId: number | null;
    /** Attempts made before this one. */
    attempts: number;
    createdAt: string;
}

/** A failure worth retrying later (5xx, 429, timeout, network); `retryAfterMs` when the sink said when. */
export class RetryableDeliveryError extends Error {
    constructor(
        message: string,
        readonly retryAfterMs?: number,
    ) {
        super(message);
        this.name = 'RetryableDeliveryError';
    }
}

/** A failure that will not heal by retrying (400, 401 after a token refresh, invalid payload): marked dead at once. */
export class PermanentDeliveryError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PermanentDeliveryError';
    }
}

/** Delivers one message; resolves when the receiver has it, throws one of the errors above otherwise. */
export type OutboxHandler = (message: OutboxMessage) => Promise<void>;
