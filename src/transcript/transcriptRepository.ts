import type { Kysely, Selectable } from 'kysely';
import type { Database, TranscriptEntriesTable } from '../store/schema';
import { redactPii } from '../understanding/piiRedaction';
import { inBatches, type Pending } from '../store/inBatches';

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

/** An entry to record; without `textRedacted`, the text is redacted when it is read (see redactedText). */
export type NewTranscriptEntry = Omit<TranscriptEntry, 'id' | 'textRedacted'> & { textRedacted?: string };

/** The stored attachment list; rows written before it existed, or damaged, read as none. */
function attachmentsOf(json: string | null): TranscriptEntry['attachments'] {
    try {
        return json ? (JSON.parse(json) as TranscriptEntry['attachments']) : [];
    } catch {
        return [];
    }
}

/**
 * The redacted copy of an entry: as stored when it was written with one (an agent's note), else
 * worked out now. Entries are redacted when they are read to leave the partner, not on every
 * turn for every message, most of which never leave.
 */
function redactedText(row: Selectable<TranscriptEntriesTable>): string {
    return row.text_redacted || (row.text ? redactPii(row.text).text : '');
}

function toEntry(row: Selectable<TranscriptEntriesTable>): TranscriptEntry {
    const attachments = attachmentsOf(row.attachments);
    return { id: row.id, conversationId: row.conversation_id, role: row.role, author: row.author, text: row.text, textRedacted: redactedText(row), attachments, createdAt: row.created_at };
}

/** A turn's records to write, and how many statements that takes. */
interface TurnRecords {
    write: (db: Kysely<Database>) => Promise<void>;
    statements: number;
}

/** Conversations whose start and reference this process has stored, with the reference (bounded: the busiest recent ones). */
const KNOWN_CONVERSATIONS = 2000;

/** Every message of customer conversations, kept for agents (raw) and for what leaves the partner (redacted). */
export class TranscriptRepository {
    /**
     * The reference last stored per conversation by this process, so a turn does not write
     * again what is already there (its start, an unchanged reference). Another instance writes
     * what it has not seen itself.
     */
    private readonly stored = new Map<string, string>();
    /** Turns' records arriving together share one write (see `writeBatch`). */
    private readonly writeShared = inBatches<TurnRecords, void>((batch) => this.writeBatch(batch), setImmediate);

    constructor(private readonly db: Kysely<Database>) {}

    /** Records a turn's messages and, for a customer's turn, their latest conversation reference (all or nothing). */
    async append(entries: NewTranscriptEntry[], reference?: { conversationId: string; json: string; at: string }): Promise<void> {
        const customer = entries.find((e) => e.role === 'customer');
        const known = this.stored.get(customer?.conversationId ?? reference?.conversationId ?? '');
        const newStart = customer !== undefined && known === undefined;
        const newReference = reference !== undefined && known !== reference.json;
        if (entries.length === 0 && !newReference) return;
        const write = async (db: Kysely<Database>): Promise<void> => {
            if (entries.length > 0) {
                await db
                    .insertInto('transcript_entries')
                    .values(
                        entries.map((e) => ({
                            conversation_id: e.conversationId,
                            role: e.role,
                            author: e.author,
                            text: e.text,
                            text_redacted: e.textRedacted ?? '',
                            attachments: e.attachments.length ? JSON.stringify(e.attachments) : null,
                            created_at: e.createdAt,
                        })),
                    )
                    .execute();
            }
            if (customer && newStart) {
                // Kept for the desk's reports: counting starts is an index range, counting distinct ids is not.
                await db
                    .insertInto('conversation_starts')
                    .values({ conversation_id: customer.conversationId, started_at: customer.createdAt })
                    .onConflict((oc) => oc.column('conversation_id').doNothing())
                    .execute();
            }
            if (reference && newReference) {
                await db
                    .insertInto('conversation_refs')
                    .values({ conversation_id: reference.conversationId, reference: reference.json, updated_at: reference.at })
                    // Rewritten only when it changed (a new serviceUrl or locale), not on every turn.
                    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ reference: reference.json, updated_at: reference.at }).where('conversation_refs.reference', '!=', reference.json))
                    .execute();
            }
        };
        const statements = Number(entries.length > 0) + Number(newStart) + Number(newReference);
        await this.writeShared({ write, statements });
        if (reference) this.remember(reference.conversationId, reference.json);
    }

    /**
     * Writes the turns' records that arrived together in one transaction: under load
     * many turns share a commit (and its flush to disk) instead of one each. If the shared
     * transaction fails, each turn's records are written on their own, so one bad record does
     * not cost the others theirs.
     */
    private async writeBatch(batch: Array<Pending<TurnRecords, void>>): Promise<void> {
        const [only] = batch;
        // One statement on its own commits by itself; a transaction would only add two more.
        if (only && batch.length === 1 && only.work.statements === 1) return only.work.write(this.db).then(only.resolve, only.reject);
        try {
            await this.db.transaction().execute(async (trx) => {
                for (const item of batch) await item.work.write(trx);
            });
        } catch {
            for (const item of batch) await this.db.transaction().execute(item.work.write).then(item.resolve, item.reject);
            return;
        }
        for (const item of batch) item.resolve();
    }

    private remember(conversationId: string, json: string): void {
        this.stored.delete(conversationId);
        if (this.stored.size >= KNOWN_CONVERSATIONS) this.stored.delete(this.stored.keys().next().value as string);
        this.stored.set(conversationId, json);
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
