import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** An answer kept for a request that carried an Idempotency-Key. */
export interface IdempotencyRecord {
    /** Whose key it is (an API key's name): keys of different callers never meet. */
    scope: string;
    key: string;
    /** SHA-256 (hex) of what was asked. */
    requestHash: string;
    status: number;
    /** The answer's JSON text. */
    body: string;
    createdAt: string;
}

/**
 * Stored answers to idempotent requests. Saving is one INSERT … ON CONFLICT DO NOTHING, so of
 * two requests with the same key (two instances, or a retry racing the first) exactly one is
 * kept; pass the transaction of the change the answer describes to keep both or neither.
 */
export class IdempotencyRepository {
    constructor(private readonly db: Kysely<Database>) {}

    async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
        const row = await this.db.selectFrom('idempotency_records').selectAll().where('scope', '=', scope).where('idempotency_key', '=', key).executeTakeFirst();
        return row && { scope: row.scope, key: row.idempotency_key, requestHash: row.request_hash, status: row.status, body: row.body, createdAt: row.created_at };
    }

    /** Keeps the answer; false when one was already kept under this key (nothing is written then). */
    async save(record: IdempotencyRecord, trx: Kysely<Database> = this.db): Promise<boolean> {
        const result = await trx
            .insertInto('idempotency_records')
            .values({ scope: record.scope, idempotency_key: record.key, request_hash: record.requestHash, status: record.status, body: record.body, created_at: record.createdAt })
            .onConflict((oc) => oc.columns(['scope', 'idempotency_key']).doNothing())
            .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }

    /** Forgets answers kept before `iso`; returns how many. */
    async deleteBefore(iso: string): Promise<number> {
        const result = await this.db.deleteFrom('idempotency_records').where('created_at', '<', iso).executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
