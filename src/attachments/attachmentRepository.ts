import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** A kept file, without its bytes. */
export interface AttachmentInfo {
    id: string;
    conversationId: string;
    ticketId?: number;
    name: string;
    contentType: string;
    size: number;
    sha256: string;
    createdAt: string;
}

export type NewAttachment = Omit<AttachmentInfo, 'ticketId'> & { content: Buffer };

const INFO_COLUMNS = ['id', 'conversation_id', 'ticket_id', 'name', 'content_type', 'size', 'sha256', 'created_at'] as const;

type InfoRow = Pick<Database['attachments'], (typeof INFO_COLUMNS)[number]>;

const toInfo = (row: InfoRow): AttachmentInfo => ({
    id: row.id,
    conversationId: row.conversation_id,
    ticketId: row.ticket_id ?? undefined,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: row.created_at,
});

/** Files visitors attached, with their conversation and (once known) ticket. */
export class AttachmentRepository {
    constructor(private readonly db: Kysely<Database>) {}

    async add(file: NewAttachment): Promise<void> {
        await this.db
            .insertInto('attachments')
            .values({ id: file.id, conversation_id: file.conversationId, ticket_id: null, name: file.name, content_type: file.contentType, size: file.size, sha256: file.sha256, content: file.content, created_at: file.createdAt })
            .execute();
    }

    /** The file and its bytes; undefined for an id that was never kept (or has been swept). */
    async get(id: string): Promise<(AttachmentInfo & { content: Buffer }) | undefined> {
        const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
        return row && { ...toInfo(row), content: Buffer.from(row.content) };
    }

    async forTicket(ticketId: number): Promise<AttachmentInfo[]> {
        const rows = await this.db.selectFrom('attachments').select(INFO_COLUMNS).where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
        return rows.map(toInfo);
    }

    /** Files of the conversation that no ticket holds yet, oldest first. */
    async unfiled(conversationId: string): Promise<AttachmentInfo[]> {
        const rows = await this.db.selectFrom('attachments').select(INFO_COLUMNS).where('conversation_id', '=', conversationId).where('ticket_id', 'is', null).orderBy('created_at').orderBy('id').execute();
        return rows.map(toInfo);
    }

    /** Files the ticket `ticketId` now holds; returns how many were given to it. */
    async fileWithTicket(ids: string[], ticketId: number): Promise<number> {
        if (ids.length === 0) return 0;
        const result = await this.db.updateTable('attachments').set({ ticket_id: ticketId }).where('id', 'in', ids).where('ticket_id', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows);
    }

    /** Bytes of all files kept. */
    async totalBytes(): Promise<number> {
        const row = await this.db.selectFrom('attachments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('total')).executeTakeFirstOrThrow();
        return Number(row.total);
    }

    /**
     * Deletes files created before `iso`, then the oldest ones until at most `maxTotalBytes`
     * remain, so that attachments can never fill the disk; returns how many went.
     */
    async sweep(iso: string, maxTotalBytes: number): Promise<number> {
        const expired = await this.db.deleteFrom('attachments').where('created_at', '<', iso).executeTakeFirst();
        let removed = Number(expired.numDeletedRows);
        let total = await this.totalBytes();
        while (total > maxTotalBytes) {
            const oldest = await this.db.selectFrom('attachments').select(['id', 'size']).orderBy('created_at').orderBy('id').limit(50).execute();
            if (oldest.length === 0) break;
            const going: string[] = [];
            for (const row of oldest) {
                if (total <= maxTotalBytes) break;
                going.push(row.id);
                total -= Number(row.size);
            }
            const result = await this.db.deleteFrom('attachments').where('id', 'in', going).executeTakeFirst();
            removed += Number(result.numDeletedRows);
        }
        return removed;
    }
}
