import type { TurnContext } from 'botbuilder';
import { tenantIdOf } from '../src/bot/channelData';
import { serviceRequestLine } from '../src/escalation/serviceRequestStatus';
import { mayReadTicket, type Asker } from '../src/escalation/ticketAccess';
import { displayZone, formatDueAt } from '../src/i18n/format';
import { translator } from '../src/i18n/i18n';
import type { TicketRow } from '../src/store/ticketRepository';
import { parseTicketStatusQuery } from '../src/understanding/ticketStatusQuery';
import type { BotServices } from '../src/bot/botServices';
import { customerTimeZone, languageOf } from '../src/bot/turnHelpers';

/** Who is asking, as the channel vouches for it: conversation, person, and (Teams) tenant. */
function askerOf(context: TurnContext): Asker {
    const { activity } = context;
    return { channelId: activity.channelId, conversationId: activity.conversation.id, userId: activity.from?.id, tenantId: tenantIdOf(activity) };
}

/**
 * Answers "what is the status of SR-…" at any point of the conversation, in the customer's
 * language: status, severity and due time of a ticket the asker may read (see mayReadTicket).
 * Anyone else's ticket gets the same answer as a number that does not exist.
 * Returns false (and sends nothing) when the message is not such a question.
 */
export async function answerTicketStatus(context: TurnContext, services: BotServices): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'message' || activity.value || !activity.text) return false;
    const number = parseTicketStatusQuery(activity.text);
    if (!number) return false;
    const ticket = await services.tickets.findByNumber(number);
    const visible = ticket && mayReadTicket(ticket, askerOf(context)) ? ticket : undefined;
    await context.sendActivity(await statusText(context, services, number, visible));
    return true;
}

async function statusText(context: TurnContext, services: BotServices, number: string, ticket: TicketRow | undefined): Promise<string> {
    const language = await languageOf(context, services);
    const t = translator(language);
    if (!ticket) return t('ticketStatus.notFound', { number, email: services.partner.supportEmail });
    const zone = displayZone(customerTimeZone(context), services.partner.hours.timeZone);
    const lines = [t('ticketStatus.summary', { number, status: t(`ticketStatus.status.${ticket.status}`, { defaultValue: ticket.status }) })];
    if (ticket.severity) lines.push(t('ticketStatus.severity', { severity: ticket.severity }));
    if (ticket.status === 'open' && ticket.due_at) lines.push(t('ticketStatus.due', { dueAt: formatDueAt(ticket.due_at, zone, language) }));
    const microsoft = serviceRequestLine(ticket, language, zone);
    if (microsoft) lines.push(microsoft);
    return lines.join(' ');
}
