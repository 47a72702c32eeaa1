import type { CustomerNoticeRepository } from './customerNoticeRepository';
import type { NoticeContext } from './customerNoticeText';
import type { TicketActions } from './ticketActions';

/** What the customer's side of the bot does with tickets after they are opened: notices, answers, ratings and reopening. */
export interface CustomerTickets {
    actions: TicketActions;
    notices: CustomerNoticeRepository;
    /** The partner's name and the reopen window, for the notices' words. */
    context: NoticeContext;
}
