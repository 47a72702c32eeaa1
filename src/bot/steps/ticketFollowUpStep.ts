import type { TurnContext } from 'botbuilder';
import { askerOf, mayReadTicket } from '../../escalation/ticketAccess';
import type { Translate } from '../../i18n/i18n';
import type { Actor } from '../../policy/types';
import type { Ticket } from '../../store/ticketRepository';
import { TICKET_RATING_PROMPT, TICKET_REOPEN_PROMPT } from '../../tickets/customerNoticeText';
import { parseReopenRequest } from '../../understanding/ticketStatusQuery';
import type { BotServices } from '../botServices';
import type { MessageStep } from './messageStep';

/** The customer as a ticket's history records them. */
export function customerActor(context: TurnContext): Actor {
    return { kind: 'customer', ...(context.activity.from?.id ? { id: context.activity.from.id } : {}) };
}

/** The ticket a card's intake ("ticket-SR-…") or a typed number names, when this customer may act on it. */
async function ownTicket(context: TurnContext, services: BotServices, number: string | undefined): Promise<Ticket | undefined> {
    if (!number) return undefined;
    const ticket = await services.tickets.findByNumber(number);
    return ticket && mayReadTicket(ticket, askerOf(context)) ? ticket : undefined;
}

/** Reopens the ticket for its customer and says what happens next. */
async function reopen(context: TurnContext, services: BotServices, ticket: Ticket, t: Translate): Promise<void> {
    const tickets = services.customerTickets;
    if (!tickets) return;
    const number = ticket.number;
    const result = await tickets.actions.reopen(ticket.id, customerActor(context));
    if (result.ok) {
        const session = await services.session.get(context, {});
        session.ticketReply = { ticketId: ticket.id };
        await context.sendActivity(t('ticket.reopened', { number, who: result.ticket.assigneeName ?? t('notice.ourTeam') }));
        return;
    }
    const key = result.reason === 'unchanged' ? 'ticket.stillOpen' : result.reason === 'reopen-window-passed' ? 'ticket.reopenTooLate' : 'ticket.reopenClosed';
    await context.sendActivity(t(key, { number, days: tickets.context.reopenDays }));
}

/**
 * What the customer does with a ticket after it was resolved: rates it (the card that follows
 * a resolution), reopens it (that card's button, or "reopen SR-…" in their words, within the
 * reopen window). Only on their own tickets; anyone else's number reads as unknown.
 */
export function ticketFollowUpStep(services: BotServices): MessageStep {
    return {
        name: 'ticket follow-up',
        async handle(turn) {
            const { context, submission } = turn;
            if (!services.customerTickets) return 'next';
            const clicked = submission && submission !== 'invalid' && (submission.prompt === TICKET_RATING_PROMPT || submission.prompt === TICKET_REOPEN_PROMPT) ? submission : undefined;
            const typed = !submission && turn.text ? parseReopenRequest(turn.text) : undefined;
            if (!clicked && !typed) return 'next';
            const t = await turn.t();
            const number = clicked ? clicked.intake.replace(/^ticket-/, '') : typed;
            const ticket = await ownTicket(context, services, number);
            if (!ticket?.number) {
                await context.sendActivity(t('ticket.notYours', { email: services.partner.supportEmail }));
                return 'handled';
            }
            if (clicked?.prompt !== TICKET_RATING_PROMPT) {
                await reopen(context, services, ticket, t);
                return 'handled';
            }
            const rating = Number(clicked.choice);
            if (!Number.isInteger(rating) || rating < 1 || rating > 5) return 'next';
            if (ticket.rating !== null) {
                await context.sendActivity(t('ticket.alreadyRated', { number: ticket.number }));
                return 'handled';
            }
            await services.tickets.setRating(ticket.id, rating, services.now().toJSDate(), customerActor(context));
            await context.sendActivity(t('ticket.rated', { number: ticket.number }));
            return 'handled';
        },
    };
}
