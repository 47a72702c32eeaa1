import { isOpenStatus } from '../../policy/ticketLifecycle';
import type { TurnContext } from 'botbuilder';
import { askerOf, mayReadTicket } from '../../escalation/ticketAccess';
import { serviceRequestLine } from '../../escalation/serviceRequestStatus';
import { formatDueAt } from '../../i18n/format';
import { translator } from '../../i18n/i18n';
import type { Language } from '../../policy/types';
import type { Ticket } from '../../store/ticketRepository';
import { parseTicketStatusQuery } from '../../understanding/ticketStatusQuery';
import type { BotServices } from '../botServices';
import { displayZoneOf } from '../turnHelpers';
import type { MessageStep } from './messageStep';

/** Longest message read as "how is my case going?" while a question is pending. */
const MAX_STATUS_WORDS = 14;

function statusText(context: TurnContext, services: BotServices, language: Language, number: string, ticket: Ticket | undefined): string {
    const t = translator(language);
    if (!ticket) return t('ticketStatus.notFound', { number, email: services.partner.supportEmail });
    const zone = displayZoneOf(context, services);
    const lines = [t('ticketStatus.summary', { number, status: t(`ticketStatus.status.${ticket.status}`, { defaultValue: ticket.status }) })];
    if (ticket.severity) lines.push(t('ticketStatus.severity', { severity: ticket.severity }));
    if (isOpenStatus(ticket.status) && !ticket.firstResponseAt && ticket.dueAt) lines.push(t('ticketStatus.due', { dueAt: formatDueAt(ticket.dueAt, zone, language) }));
    if (isOpenStatus(ticket.status) && ticket.assigneeName) lines.push(t('ticketStatus.assignee', { agent: ticket.assigneeName }));
    if (!isOpenStatus(ticket.status) && ticket.resolutionText) lines.push(t('ticketStatus.resolution', { text: ticket.resolutionText }));
    const microsoft = serviceRequestLine(ticket, language, zone);
    if (microsoft) lines.push(microsoft);
    return lines.join(' ');
}

/**
 * "What is the status of SR-…", at any point of the conversation, answered in the customer's
 * language for a ticket the asker may read (anyone else's gets the same answer as a number
 * that does not exist); "any news on my case?" without a number is answered with the asker's
 * own open tickets. Then the pending question is asked again.
 */
export function ticketStatusStep(services: BotServices): MessageStep {
    return {
        name: 'ticket status',
        async handle(turn) {
            const { context } = turn;
            if (turn.submission || !turn.text) return 'next';
            const number = parseTicketStatusQuery(turn.text);
            if (number) {
                const ticket = await services.tickets.findByNumber(number);
                const visible = ticket && mayReadTicket(ticket, askerOf(context)) ? ticket : undefined;
                await context.sendActivity(statusText(context, services, await turn.language(), number, visible));
            } else {
                // A long message in the middle of an intake that mentions a "status" is a description, not a question about a case.
                const long = turn.text.split(/\s+/).length > MAX_STATUS_WORDS && (await turn.dialogs()).activeDialog !== undefined;
                if (long || !services.intents?.asksStatus(turn.text)) return 'next';
                const asker = askerOf(context);
                const own = (await services.tickets.recentFor(asker)).filter((t) => isOpenStatus(t.status) && t.number && mayReadTicket(t, asker));
                const language = await turn.language();
                if (own.length === 0) await context.sendActivity(translator(language)('ticketStatus.noneOpen', { email: services.partner.supportEmail }));
                else await context.sendActivity(own.map((t) => statusText(context, services, language, t.number as string, t)).join('\n\n'));
            }
            const dc = await turn.dialogs();
            if (dc.activeDialog) await dc.repromptDialog();
            return 'handled';
        },
    };
}
