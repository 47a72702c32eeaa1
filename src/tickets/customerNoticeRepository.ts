import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** A ticket update for its customer, until they have seen it. */
export interface CustomerNotice {
    id: number;
    ticketId: number;
    eventId: number;
    conversationId: string;
    channelId: string;
    userId: string | null;
    sentAt: string | null;
}

/** Whose notices to look for: this conversation, or this person on this channel (their next visit). */
export interface NoticeOwner {
    conversationId: string;
    channelId: string;
    userId?: string;
}

/** Rows kept on the customer's next visit, newest last; older ones are not worth a visitor's screen. */
const MAX_SHOWN = 5;

/**
 * The updates customers have not seen yet. A notice is recorded once per ticket event;
 * it counts as seen when it reached a conversation the customer has open (Teams, a live Web
 * Chat) or when it was shown on their next visit. Marking is one conditional UPDATE, so two
 * instances never show the same notice twice.
 */
export class CustomerNoticeRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /** Records the notice for a ticket event (once); returns it, as first recorded. */
    async record(notice: Omit<CustomerNotice, 'id' | 'sentAt'>, now: Date): Promise<CustomerNotice & { shownAt: string | null }> {
        await this.db
            .insertInto('customer_notices')
            .values({ ticket_id: notice.ticketId, event_id: notice.eventId, conversation_id: notice.conversationId, channel_id: notice.channelId, user_id: notice.userId, created_at: now.toISOString() })
            .onConflict((oc) => oc.column('event_id').doNothing())
            .execute();
        const row = await this.db.selectFrom('customer_notices').selectAll().where('event_id', '=', notice.eventId).executeTakeFirstOrThrow();
        return { id: row.id, ticketId: row.ticket_id, eventId: row.event_id, conversationId: row.conversation_id, channelId: row.channel_id, userId: row.user_id, sentAt: row.sent_at, shownAt: row.shown_at };
    }

    /** It was posted into the customer's conversation; `seen` when the customer has that conversation in front of them. */
    async sent(id: number, now: Date, seen: boolean): Promise<void> {
        const iso = now.toISOString();
        await this.db
            .updateTable('customer_notices')
            .set({ sent_at: iso, ...(seen ? { shown_at: iso } : {}) })
            .where('id', '=', id)
            .execute();
    }

    /**
     * Claims the notices the customer has not seen, for this conversation or (with a user id)
     * anywhere on this channel: those already posted into this very conversation are marked
     * seen and not returned (the customer has them on screen); the others are returned, oldest
     * first, for the caller to show.
     */
    async claimUnseen(owner: NoticeOwner, now: Date): Promise<CustomerNotice[]> {
        const iso = now.toISOString();
        const rows = await this.db
            .selectFrom('customer_notices')
            .selectAll()
            .where('shown_at', 'is', null)
            .where((eb) => eb.or([eb('conversation_id', '=', owner.conversationId), ...(owner.userId ? [eb.and([eb('channel_id', '=', owner.channelId), eb('user_id', '=', owner.userId)])] : [])]))
            .orderBy('id')
            .limit(50)
            .execute();
        if (rows.length === 0) return [];
        const claimed = await this.db.updateTable('customer_notices').set({ shown_at: iso }).where('id', 'in', rows.map((r) => r.id)).where('shown_at', 'is', null).returning(['id']).execute();
        const mine = new Set(claimed.map((c) => c.id));
        return rows
            .filter((r) => mine.has(r.id) && !(r.sent_at && r.conversation_id === owner.conversationId))
            .slice(-MAX_SHOWN)
            .map((r) => ({ id: r.id, ticketId: r.ticket_id, eventId: r.event_id, conversationId: r.conversation_id, channelId: r.channel_id, userId: r.user_id, sentAt: r.sent_at }));
    }
}
