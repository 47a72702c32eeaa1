import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Thrown when a write carries an eTag that no longer matches the stored document. */
export class ETagConflictError extends Error {
    constructor(key: string) {
        super(`SqlStorage.write(): eTag conflict on "${key}"`);
        this.name = 'ETagConflictError';
    }
}

/**
 * Bot Framework `Storage` over the SQL database, with optimistic concurrency: a write whose
 * eTag is stale is rejected (`*` or no eTag overwrites), so two turns on one conversation
 * can never silently lose each other's state.
 */
export class SqlStorage implements Storage {
    constructor(private readonly db: Kysely<Database>) {}

    async read(keys: string[]): Promise<StoreItems> {
        if (keys.length === 0) return {};
        const rows = await this.db.selectFrom('bot_state').select(['key', 'document', 'etag']).where('key', 'in', keys).execute();
        const items: StoreItems = {};
        for (const row of rows) items[row.key] = { ...(JSON.parse(row.document) as object), eTag: row.etag };
        return items;
    }

    async write(changes: StoreItems): Promise<void> {
        const entries = Object.entries(changes);
        if (entries.length === 0) return;
        await this.db.transaction().execute(async (trx) => {
            for (const [key, item] of entries) {
                const { eTag, ...document } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
                const etag = randomUUID();
                const now = new Date().toISOString();
                const values = { document: JSON.stringify(document), etag, updated_at: now };
                if (!eTag || eTag === '*') {
                    await trx
                        .insertInto('bot_state')
                        .values({ key, ...values })
                        .onConflict((oc) => oc.column('key').doUpdateSet(values))
                        .execute();
                } else {
                    const updated = await trx.updateTable('bot_state').set(values).where('key', '=', key).where('etag', '=', eTag).executeTakeFirst();
                    if (Number(updated.numUpdatedRows) === 0) {
                        const inserted = await trx
                            .insertInto('bot_state')
                            .values({ key, ...values })
                            .onConflict((oc) => oc.column('key').doNothing())
                            .executeTakeFirst();
                        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new ETagConflictError(key);
                    }
                }
                // Keep the caller's copy current so a second save in the same turn does not conflict.
                if (item && typeof item === 'object') (item as { eTag?: string }).eTag = etag;
            }
        });
    }

    async delete(keys: string[]): Promise<void> {
        if (keys.length === 0) return;
        await this.db.deleteFrom('bot_state').where('key', 'in', keys).execute();
    }
}
