import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A bot_settings value, or undefined when the key was never set. */
export async function readSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
    return (await db.selectFrom('bot_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets a bot_settings value (one upsert, atomic on SQLite and PostgreSQL alike). */
export async function writeSetting(db: Kysely<Database>, key: string, value: string, now: Date): Promise<void> {
    const iso = now.toISOString();
    await db
        .insertInto('bot_settings')
        .values({ key, value, updated_at: iso })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: iso }))
        .execute();
}

/** The value stored under `key`, storing `value` first when there is none (the first of two instances wins). */
export async function settingOrCreate(db: Kysely<Database>, key: string, value: string, now: Date): Promise<string> {
    await db.insertInto('bot_settings').values({ key, value, updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await readSetting(db, key)) ?? value;
}
