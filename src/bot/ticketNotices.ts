import type { TurnContext } from 'botbuilder';
import { noticeActivities } from '../tickets/customerNoticeText';
import type { BotServices } from './botServices';

/**
 * Shows the customer the ticket news they have not seen yet: what reached another
 * conversation of theirs while they were away (a Web Chat page that was closed), under a
 * heading that says so. News already posted into this conversation only counts as seen.
 */
export async function showUnseenNotices(context: TurnContext, services: BotServices): Promise<void> {
    const tickets = services.customerTickets;
    if (!tickets) return;
    const { activity } = context;
    const unseen = await tickets.notices.claimUnseen({ conversationId: activity.conversation.id, channelId: activity.channelId, userId: activity.from?.id }, services.now().toJSDate());
    for (const notice of unseen) {
        const ticket = await services.tickets.findById(notice.ticketId);
        const event = ticket && (await services.tickets.event(ticket.id, notice.eventId));
        if (ticket && event) await context.sendActivities(noticeActivities(ticket, event, activity.channelId, tickets.context, true));
    }
}
