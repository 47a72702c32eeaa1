import { createHash, randomUUID } from 'node:crypto';
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
 * The eTag to write a document that was read as absent: the write creates it, or fails with
 * ETagConflictError when another writer created it in the meantime.
 */
export const NEW_ITEM_ETAG = 'new';

/** bot_state.key holds 1024 characters, and PostgreSQL enforces it. */
const MAX_KEY_CHARS = 1024;

/** The key as stored: longer keys (a channel id plus a 1024-character conversation id) become a prefix and their hash. */
export function storedKey(key: string): string {
    return key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, 900)}#${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Bot Framework `Storage` over the SQL database, with optimistic concurrency: a write whose
 * eTag is stale is rejected (`*` or no eTag overwrites), so two turns on one conversation
 * can never silently lose each other's state. The check is one conditional UPDATE (then an
 * INSERT … ON CONFLICT DO NOTHING for a new key), atomic on SQLite and PostgreSQL alike:
 * never read-then-write.
 */
export class SqlStorage implements Storage {
    constructor(private readonly db: Kysely<Database>) {}

    async read(keys: string[]): Promise<StoreItems> {
        if (keys.length === 0) return {};
        const asked = new Map(keys.map((k) => [storedKey(k), k]));
        const rows = await this.db.selectFrom('bot_state').select(['key', 'document', 'etag']).where('key', 'in', [...asked.keys()]).execute();
        const items: StoreItems = {};
        for (const row of rows) items[asked.get(row.key) ?? row.key] = { ...(JSON.parse(row.document) as object), eTag: row.etag };
        return items;
    }

    async write(changes: StoreItems): Promise<void> {
        // One key order for every writer, so two transactions never wait on each other crosswise.
        const entries = Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (entries.length === 0) return;
        await this.db.transaction().execute(async (trx) => {
            for (const [name, item] of entries) {
                const key = storedKey(name);
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
                        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new ETagConflictError(name);
                    }
                }
                // Keep the caller's copy current so a second save in the same turn does not conflict.
                if (item && typeof item === 'object') (item as { eTag?: string }).eTag = etag;
            }
        });
    }

    async delete(keys: string[]): Promise<void> {
        if (keys.length === 0) return;
        await this.db.deleteFrom('bot_state').where('key', 'in', keys.map(storedKey)).execute();
    }
}
