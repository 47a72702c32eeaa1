import { createHash, randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { inBatches, type Pending } from './inBatches';

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

/** A write's documents, in key order. */
type Entries = Array<[string, StoreItems[string]]>;

/**
 * Writes documents in the caller's transaction: a conditional UPDATE on the eTag (then an
 * INSERT … ON CONFLICT DO NOTHING for a new key); ETagConflictError when another writer got
 * there first. `*` or no eTag overwrites.
 */
async function writeEntries(trx: Kysely<Database>, entries: Entries): Promise<void> {
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
}

/** Keys per shared read query (well under any database's limit on parameters). */
const KEYS_PER_QUERY = 200;

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
    /** Reads asked for together share one query (see `read`). */
    private readonly readShared = inBatches<string[], StoreItems>((batch) => this.readBatch(batch), process.nextTick);
    /** Writes asked for together share one transaction (see `write`). */
    private readonly writeShared = inBatches<Entries, void>((batch) => this.writeBatch(batch), setImmediate);

    /**
     * @param shareTransactions whether writes arriving together share one transaction (see
     *   `write`): worth it on SQLite, where every commit is a flush to disk and there is one
     *   writer; on PostgreSQL, instances sharing transactions could lock rows in crossed order.
     */
    constructor(
        private readonly db: Kysely<Database>,
        private readonly shareTransactions = false,
    ) {}

    /**
     * Reads documents. Reads asked for at the same moment (a turn's conversation and user state,
     * and other conversations' turns starting alongside) share one query, made once the current
     * burst of work is done; each caller gets its own copies.
     */
    read(keys: string[]): Promise<StoreItems> {
        return keys.length === 0 ? Promise.resolve({}) : this.readShared(keys);
    }

    private async readBatch(batch: Array<Pending<string[], StoreItems>>): Promise<void> {
        const wanted = [...new Set(batch.flatMap((read) => read.work.map(storedKey)))];
        const found = new Map<string, { document: string; etag: string }>();
        for (let at = 0; at < wanted.length; at += KEYS_PER_QUERY) {
            const rows = await this.db.selectFrom('bot_state').select(['key', 'document', 'etag']).where('key', 'in', wanted.slice(at, at + KEYS_PER_QUERY)).execute();
            for (const row of rows) found.set(row.key, row);
        }
        for (const read of batch) {
            const items: StoreItems = {};
            for (const key of read.work) {
                const row = found.get(storedKey(key));
                if (row) items[key] = { ...(JSON.parse(row.document) as object), eTag: row.etag };
            }
            read.resolve(items);
        }
    }

    /**
     * Writes documents, all or none, checking each eTag. With `shareTransactions`, writes asked
     * for at the same moment (turns of many conversations finishing together) share one
     * transaction and its commit, each in a savepoint of its own: a turn that lost its eTag
     * race, or failed, is undone alone and told so, the others are kept.
     */
    write(changes: StoreItems): Promise<void> {
        // One key order for every writer, so two transactions never wait on each other crosswise.
        const entries = Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (entries.length === 0) return Promise.resolve();
        return this.shareTransactions ? this.writeShared(entries) : this.writeAlone(entries);
    }

    private writeAlone(entries: Entries): Promise<void> {
        return this.db.transaction().execute((trx) => writeEntries(trx, entries));
    }

    private async writeBatch(batch: Array<Pending<Entries, void>>): Promise<void> {
        const [only] = batch;
        if (only && batch.length === 1) return this.writeAlone(only.work).then(only.resolve, only.reject);
        const failed = new Map<Pending<Entries, void>, unknown>();
        try {
            await this.db.transaction().execute(async (trx) => {
                for (const write of batch) {
                    await sql`savepoint turn_write`.execute(trx);
                    try {
                        await writeEntries(trx, write.work);
                    } catch (err) {
                        await sql`rollback to savepoint turn_write`.execute(trx);
                        failed.set(write, err);
                    }
                    await sql`release savepoint turn_write`.execute(trx);
                }
            });
        } catch {
            // The shared commit failed: each write again on its own, so only a write that cannot be made fails.
            for (const write of batch) await this.writeAlone(write.work).then(write.resolve, write.reject);
            return;
        }
        for (const write of batch) {
            if (failed.has(write)) write.reject(failed.get(write));
            else write.resolve();
        }
    }

    async delete(keys: string[]): Promise<void> {
        if (keys.length === 0) return;
        await this.db.deleteFrom('bot_state').where('key', 'in', keys.map(storedKey)).execute();
    }
}
