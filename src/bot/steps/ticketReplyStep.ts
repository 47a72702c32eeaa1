import { isOpenStatus } from '../../policy/ticketLifecycle';
import type { Ticket } from '../../store/ticketRepository';
import { askerOf, mayReadTicket } from '../../escalation/ticketAccess';
import { detectInterruption } from '../../understanding/intents';
import type { BotServices } from '../botServices';
import { customerActor } from './ticketFollowUpStep';
import type { MessageStep, MessageTurn } from './messageStep';

/**
 * The ticket the customer's words belong to: the one just reopened, or their newest one
 * waiting on them. While a question of the bot is pending, only a question an agent asked
 * after the bot's last answer here wins over it (it is then what the customer saw last).
 */
async function ticketAwaitingWords(turn: MessageTurn, services: BotServices): Promise<Ticket | undefined> {
    const session = await services.session.get(turn.context, {});
    const reopened = session.ticketReply;
    session.ticketReply = undefined;
    if (reopened) {
        const ticket = await services.tickets.findById(reopened.ticketId);
        if (ticket && isOpenStatus(ticket.status)) return ticket;
    }
    const pending = (await turn.dialogs()).activeDialog !== undefined;
    const asker = askerOf(turn.context);
    const waiting = (await services.tickets.recentFor(asker, 5, 'waiting-customer')).find((ticket) => mayReadTicket(ticket, asker));
    if (!waiting || (pending && session.lastTurnAt && waiting.updatedAt <= session.lastTurnAt)) return undefined;
    return waiting;
}

/**
 * The customer answers a question an agent asked on their ticket (the ticket waits on them),
 * or says what is still wrong right after reopening one: the words go onto that ticket, the
 * ticket goes back to its agent (who is told in Teams), and the customer is told so. Only
 * plain messages; commands and requests for a person keep their meaning.
 */
export function ticketReplyStep(services: BotServices): MessageStep {
    return {
        name: 'ticket reply',
        async handle(turn) {
            const tickets = services.customerTickets;
            if (!tickets || turn.submission || !turn.text) return 'next';
            if (detectInterruption(turn.text) || services.intents?.asksForPerson(turn.text)) return 'next';
            const ticket = await ticketAwaitingWords(turn, services);
            if (!ticket?.number) return 'next';
            const result = await tickets.actions.customerReplied(ticket.id, customerActor(turn.context), turn.text);
            if (!result.ok) return 'next';
            await (await turn.dialogs()).cancelAllDialogs(); // the question the bot asked before is over
            const t = await turn.t();
            await turn.context.sendActivity(t('ticket.replyAdded', { number: ticket.number, who: result.ticket.assigneeName ?? t('notice.ourTeam') }));
            return 'handled';
        },
    };
}
