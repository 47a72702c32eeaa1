import type { Kysely, Selectable } from 'kysely';
import type { Database, TranscriptEntriesTable } from '../store/schema';

/** Who wrote a transcript entry. */
export type TranscriptRoleName = 'customer' | 'bot' | 'agent' | 'note';

/** One message of a customer conversation. */
export interface TranscriptEntry {
    id: number;
    conversationId: string;
    role: TranscriptRoleName;
    /** The customer's or agent's display name; null for the bot. */
    author: string | null;
    text: string;
    /** The text with personal data and secrets masked: what may leave the partner. */
    textRedacted: string;
    /** Media types and names of attachments, if any. */
    attachments: Array<{ contentType: string; name: string | null }>;
    createdAt: string;
}

export type NewTranscriptEntry = Omit<TranscriptEntry, 'id'>;

/** The stored attachment list; rows written before it existed, or damaged, read as none. */
function attachmentsOf(json: string | null): TranscriptEntry['attachments'] {
    try {
        return json ? (JSON.parse(json) as TranscriptEntry['attachments']) : [];
    } catch {
        return [];
    }
}

function toEntry(row: Selectable<TranscriptEntriesTable>): TranscriptEntry {
    const attachments = attachmentsOf(row.attachments);
    return { id: row.id, conversationId: row.conversation_id, role: row.role, author: row.author, text: row.text, textRedacted: row.text_redacted, attachments, createdAt: row.created_at };
}

/** Every message of customer conversations, kept for agents (raw) and for what leaves the partner (redacted). */
export class TranscriptRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /** Records a turn's messages and, for a customer's turn, their latest conversation reference (one transaction). */
    async append(entries: NewTranscriptEntry[], reference?: { conversationId: string; json: string; at: string }): Promise<void> {
        if (entries.length === 0 && !reference) return;
        await this.db.transaction().execute(async (trx) => {
            if (entries.length > 0) {
                await trx
                    .insertInto('transcript_entries')
                    .values(
                        entries.map((e) => ({
                            conversation_id: e.conversationId,
                            role: e.role,
                            author: e.author,
                            text: e.text,
                            text_redacted: e.textRedacted,
                            attachments: e.attachments.length ? JSON.stringify(e.attachments) : null,
                            created_at: e.createdAt,
                        })),
                    )
                    .execute();
            }
            const customer = entries.find((e) => e.role === 'customer');
            if (customer) {
                // Kept for the desk's reports: counting starts is an index range, counting distinct ids is not.
                await trx
                    .insertInto('conversation_starts')
                    .values({ conversation_id: customer.conversationId, started_at: customer.createdAt })
                    .onConflict((oc) => oc.column('conversation_id').doNothing())
                    .execute();
            }
            if (reference) {
                await trx
                    .insertInto('conversation_refs')
                    .values({ conversation_id: reference.conversationId, reference: reference.json, updated_at: reference.at })
                    // Rewritten only when it changed (a new serviceUrl), not on every turn.
                    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ reference: reference.json, updated_at: reference.at }).where('conversation_refs.reference', '!=', reference.json))
                    .execute();
            }
        });
    }

    /** The customer conversation's latest reference (JSON, refreshed on each of their turns). */
    async reference(conversationId: string): Promise<string | undefined> {
        return (await this.db.selectFrom('conversation_refs').select('reference').where('conversation_id', '=', conversationId).executeTakeFirst())?.reference;
    }

    /** The last `limit` entries, oldest first. */
    async recent(conversationId: string, limit: number): Promise<TranscriptEntry[]> {
        const rows = await this.db.selectFrom('transcript_entries').selectAll().where('conversation_id', '=', conversationId).orderBy('id', 'desc').limit(limit).execute();
        return rows.reverse().map(toEntry);
    }
}
