import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { IdempotencyRepository } from '../store/idempotencyRepository';
import { problem, type PsaAnswer } from './psaAnswer';

/** A request that carried an Idempotency-Key: whose key, the key, and a hash of what it asks. */
export interface IdempotentRequest {
    scope: string;
    key: string;
    requestHash: string;
}

/** Keeps `answer` for the request in `trx`, the transaction of the change it describes. */
export type KeepAnswer = (answer: PsaAnswer, trx: Kysely<Database>) => Promise<void>;

/** Another request with the same key kept its answer first; this one's change is rolled back. */
export class IdempotencyConflictError extends Error {
    constructor() {
        super('IdempotentRequests.execute(): another request with this Idempotency-Key was answered first');
        this.name = 'IdempotencyConflictError';
    }
}

/** What a request asks, independent of JSON spacing: method, path and the parsed body. */
export function requestHash(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body)}`).digest('hex');
}

/**
 * Runs each idempotent request once. A key seen before with the same request gets the kept
 * answer back (`replayed`); with another request, 422. A change keeps its answer in its own
 * transaction (through `keep`), so the change and its answer are stored together or not at
 * all, and of two concurrent requests with one key only the first change survives; the other
 * is rolled back and answered with the first one's answer. Refusals (404, 409, 422) are kept
 * after the fact: they changed nothing.
 */
export class IdempotentRequests {
    constructor(
        private readonly records: IdempotencyRepository,
        private readonly now: () => Date,
    ) {}

    async execute(request: IdempotentRequest, perform: (keep: KeepAnswer) => Promise<PsaAnswer>): Promise<{ answer: PsaAnswer; replayed: boolean }> {
        const earlier = await this.earlier(request);
        if (earlier) return earlier;
        let kept = false;
        const keep: KeepAnswer = async (answer, trx) => {
            if (!(await this.records.save(this.record(request, answer), trx))) throw new IdempotencyConflictError();
            kept = true;
        };
        try {
            const answer = await perform(keep);
            if (kept || (await this.records.save(this.record(request, answer)))) return { answer, replayed: false };
        } catch (err) {
            if (!(err instanceof IdempotencyConflictError)) throw err;
        }
        const first = await this.earlier(request);
        if (!first) throw new Error('IdempotentRequests.execute(): the answer kept under this key has gone');
        return first;
    }

    /** Forgets answers older than `hours`. */
    forgetOlderThan(hours: number): Promise<number> {
        return this.records.deleteBefore(new Date(this.now().getTime() - hours * 3_600_000).toISOString());
    }

    private async earlier(request: IdempotentRequest): Promise<{ answer: PsaAnswer; replayed: boolean } | undefined> {
        const kept = await this.records.find(request.scope, request.key);
        if (!kept) return undefined;
        if (kept.requestHash !== request.requestHash) {
            return { answer: problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request; use a new key for a new request.'), replayed: false };
        }
        return { answer: { status: kept.status, body: kept.body }, replayed: true };
    }

    private record(request: IdempotentRequest, answer: PsaAnswer) {
        return { scope: request.scope, key: request.key, requestHash: request.requestHash, status: answer.status, body: answer.body, createdAt: this.now().toISOString() };
    }
}
