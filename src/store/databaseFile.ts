import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Logger } from '../logger';
import { readSetting, writeSetting } from './botSettings';
import type { DatabaseFault } from './faultWatch';
import type { Database } from './schema';

/** bot_settings key of the database's random id; the marker file next to the database holds the same. */
const DATABASE_ID_KEY = 'database-id';

const MarkerSchema = z.object({ databaseId: z.uuid(), createdAt: z.iso.datetime() });
type Marker = z.infer<typeof MarkerSchema>;

const WAY_OUT = 'or set ALLOW_NEW_DATABASE=true for one start if a new, empty database is intended';

/** Opening would silently start over where a database was lost; the message names the file and what to do. */
export class DatabaseFileError extends Error {
    constructor(message: string) {
        super(`openSqliteDatabase(): ${message}`);
        this.name = 'DatabaseFileError';
    }
}

/** The marker next to a database file: proof, outside the database, that a database lived there. */
export function markerFile(location: string): string {
    return `${location}.id`;
}

function jsonOrUndefined(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

function readMarker(location: string): Marker | undefined {
    const file = markerFile(location);
    if (!existsSync(file)) return undefined;
    const parsed = MarkerSchema.safeParse(jsonOrUndefined(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new DatabaseFileError(`${file} is not a database marker; restore it, or delete it if ${location} is the right database`);
    return parsed.data;
}

/**
 * Before opening: refuses when the database file is missing although its marker shows that a
 * database lived there (deleted, moved, a volume not mounted), unless a new one is intended.
 * Returns the marker, if any.
 */
export function checkBeforeOpen(location: string, allowNew: boolean): Marker | undefined {
    const marker = readMarker(location);
    if (!marker || existsSync(location)) return marker;
    if (!allowNew) {
        throw new DatabaseFileError(
            `the database file ${location} is missing, but ${markerFile(location)} shows that database ${marker.databaseId} (created ${marker.createdAt}) lived there, with its tickets and conversations. Restore the file from a backup (or mount its volume), ${WAY_OUT}.`,
        );
    }
    // The lost database's WAL would be replayed into the new file and corrupt it.
    for (const suffix of ['-wal', '-shm']) rmSync(`${location}${suffix}`, { force: true });
    return marker;
}

/**
 * After opening and migrating: gives the database a random id on its first start, refuses a
 * file that holds another database than the marker names, and writes the marker.
 */
export async function bindDatabaseId(db: Kysely<Database>, location: string, marker: Marker | undefined, allowNew: boolean, logger?: Logger): Promise<void> {
    let id = await readSetting(db, DATABASE_ID_KEY);
    if (marker && id !== marker.databaseId && !allowNew) {
        throw new DatabaseFileError(`the database file ${location} was replaced: it holds database ${id ?? '(without id)'}, but ${markerFile(location)} shows that ${marker.databaseId} lived there. Put that file back, ${WAY_OUT}.`);
    }
    if (!id) {
        id = randomUUID();
        await writeSetting(db, DATABASE_ID_KEY, id, new Date());
    }
    if (marker?.databaseId === id) return;
    if (marker) logger?.warn({ database: location, previous: marker.databaseId, current: id }, 'ALLOW_NEW_DATABASE: a new database replaces the one that lived here');
    const created: Marker = { databaseId: id, createdAt: new Date().toISOString() };
    writeFileSync(`${markerFile(location)}.tmp`, `${JSON.stringify(created)}\n`);
    renameSync(`${markerFile(location)}.tmp`, markerFile(location));
}

/** A check that the path still leads to the file that was opened: not deleted, moved away or replaced. */
export function fileIdentityCheck(location: string): () => DatabaseFault | undefined {
    const opened = statSync(location);
    return () => {
        try {
            const now = statSync(location);
            return now.ino === opened.ino && now.dev === opened.dev ? undefined : { reason: 'the database file was replaced' };
        } catch (err) {
            const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
            return { reason: missing ? 'the database file was deleted' : 'the database file cannot be checked', error: err as Error };
        }
    };
}
