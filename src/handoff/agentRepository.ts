import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** An agent an admin added by command (configuration is the other source). */
export interface AddedAgent {
    aadObjectId: string;
    name: string | null;
}

/** Agents added by admins in Teams (`agents add …`), by Entra object id (lower case). */
export class AgentRepository {
    constructor(private readonly db: Kysely<Database>) {}

    async has(aadObjectId: string): Promise<boolean> {
        return (await this.db.selectFrom('agents').select('aad_object_id').where('aad_object_id', '=', aadObjectId).executeTakeFirst()) !== undefined;
    }

    async add(aadObjectId: string, name: string | null, addedBy: string, now: Date): Promise<void> {
        await this.db
            .insertInto('agents')
            .values({ aad_object_id: aadObjectId, name, added_by: addedBy, added_at: now.toISOString() })
            .onConflict((oc) => oc.column('aad_object_id').doUpdateSet({ name }))
            .execute();
    }

    /** False when it was not there. */
    async remove(aadObjectId: string): Promise<boolean> {
        const result = await this.db.deleteFrom('agents').where('aad_object_id', '=', aadObjectId).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
    }

    /** Oldest first. */
    async list(): Promise<AddedAgent[]> {
        const rows = await this.db.selectFrom('agents').select(['aad_object_id', 'name']).orderBy('added_at').execute();
        return rows.map((r) => ({ aadObjectId: r.aad_object_id, name: r.name }));
    }
}
