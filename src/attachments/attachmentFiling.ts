import type { Kysely } from 'kysely';
import { isOpenStatus } from '../policy/ticketLifecycle';
import type { Ticket } from '../store/ticket';
import { insertEvent, type TicketHooks } from '../store/ticketChange';
import type { TicketRepository } from '../store/ticketRepository';
import type { Database } from '../store/schema';
import { AttachmentRepository, type AttachmentInfo } from './attachmentRepository';

/** The event a ticket gets for each file the customer attached; agents' cards list these. */
export const ATTACHMENT_ADDED = 'attachment.added';

/** What the event keeps: enough for a line on the ticket card, never the bytes. */
const eventData = (file: AttachmentInfo, link: (id: string) => string) => ({ attachmentId: file.id, name: file.name, contentType: file.contentType, size: file.size, url: link(file.id) });

async function fileWith(db: Kysely<Database>, files: AttachmentInfo[], ticketId: number, link: (id: string) => string, iso: string): Promise<void> {
    if ((await new AttachmentRepository(db).fileWithTicket(files.map((f) => f.id), ticketId)) === 0) return;
    for (const file of files) await insertEvent(db, ticketId, ATTACHMENT_ADDED, eventData(file, link), { kind: 'customer' }, iso);
}

/**
 * The ticket hooks plus one more write: a ticket opened in a conversation takes the files
 * attached there before it existed (a screenshot sent during the intake), in the same
 * transaction, with an 'attachment.added' event per file.
 */
export function fileAttachmentsOnCreate(hooks: TicketHooks, link: (id: string) => string): TicketHooks {
    return {
        afterCommit: hooks.afterCommit?.bind(hooks),
        async inTransaction(trx, change) {
            await hooks.inTransaction?.(trx, change);
            if (change.type !== 'created') return;
            const files = await new AttachmentRepository(trx).unfiled(change.ticket.conversationId);
            if (files.length > 0) await fileWith(trx, files, change.ticket.id, link, change.event.createdAt);
        },
    };
}

/**
 * Files just attached in a Web Chat conversation go with the customer's newest open ticket
 * (opened there, or by the same visitor before); without one they wait for the ticket the
 * conversation opens (see fileAttachmentsOnCreate). Returns the ticket, if any.
 */
export async function fileWithOpenTicket(
    deps: { db: Kysely<Database>; tickets: TicketRepository; link: (id: string) => string },
    owner: { conversationId: string; userId: string },
    files: AttachmentInfo[],
    now: Date,
): Promise<Ticket | undefined> {
    const recent = await deps.tickets.recentFor({ conversationId: owner.conversationId, channelId: 'directline', userId: owner.userId }, 5);
    const ticket = recent.find((t) => isOpenStatus(t.status));
    if (!ticket) return undefined;
    await deps.db.transaction().execute((trx) => fileWith(trx, files, ticket.id, deps.link, now.toISOString()));
    return ticket;
}
