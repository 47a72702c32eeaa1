import type { Kysely } from 'kysely';
import { readSetting, settingOrCreate, writeSetting } from './botSettings';
import type { Database } from './schema';

/** Small settings kept in the database (so every instance sees them), e.g. the agents' channel. */
export class SettingsRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /** The value, or undefined when the key was never set. */
    get(key: string): Promise<string | undefined> {
        return readSetting(this.db, key);
    }

    set(key: string, value: string, now: Date): Promise<void> {
        return writeSetting(this.db, key, value, now);
    }

    /** The value stored under `key`, storing `value` first when there is none (the first of two instances wins). */
    getOrCreate(key: string, value: string, now: Date): Promise<string> {
        return settingOrCreate(this.db, key, value, now);
    }
}
