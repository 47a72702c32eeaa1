import type { Activity } from 'botbuilder';
import { renderQuestionCard, type RenderedCard } from '../../cards';
import { cardsSupported } from '../channels/channelFeatures';
import { translator, type Translate } from '../i18n/i18n';
import { isOpenStatus } from '../policy/ticketLifecycle';
import { TICKET_STATUSES, type Language } from '../policy/types';
import type { Ticket, TicketEvent } from '../store/ticketRepository';

/** The prompts of the cards a resolution notice carries; the intake names the ticket (ownership is checked on the click). */
export const TICKET_RATING_PROMPT = 'ticket-rating';
export const TICKET_REOPEN_PROMPT = 'ticket-reopen';

/** Ticket events the customer hears about (from an agent or the partner's PSA, never their own doing). */
const TOLD = new Set(['replied', 'resolved', 'reopened', 'assigned', 'status-changed']);

export interface NoticeContext {
    partnerName: string;
    reopenDays: number;
}

interface EventData {
    text?: string;
    to?: string;
    toId?: string | null;
}

/** The card intake naming a ticket ("ticket-SR-2026-000123"). */
export function ticketIntake(ticket: Pick<Ticket, 'number' | 'id'>): string {
    return `ticket-${ticket.number ?? ticket.id}`;
}

/** True when the customer should hear about this event of their ticket. */
export function customerHearsOf(event: Pick<TicketEvent, 'type' | 'data' | 'actor'>): boolean {
    if (!TOLD.has(event.type) || event.actor?.kind === 'customer' || event.actor?.kind === 'system') return false;
    const data = parse(event.data);
    if (event.type === 'assigned') return !!data.toId;
    // 'new' is the desk's own bookkeeping; 'closed' follows a resolution the customer has already heard of.
    if (event.type === 'status-changed') return data.to !== 'new' && data.to !== 'closed';
    return true;
}

function parse(data: string): EventData {
    try {
        const value = JSON.parse(data) as unknown;
        return value && typeof value === 'object' ? (value as EventData) : {};
    } catch {
        return {};
    }
}

function statusName(t: Translate, status: string): string {
    return (TICKET_STATUSES as readonly string[]).includes(status) ? t(`ticketStatus.status.${status}`) : status;
}

/** The sentence for one event, in the ticket's language. */
function sentence(t: Translate, ticket: Ticket, event: TicketEvent, partnerName: string): string {
    const data = parse(event.data);
    const agent = event.actor?.kind === 'agent' ? (event.actor.name ?? t('notice.ourTeam')) : partnerName;
    const base = { number: ticket.number ?? `#${ticket.id}`, agent, partner: partnerName, text: data.text ?? '' };
    switch (event.type) {
        case 'replied':
            return t('notice.replied', base);
        case 'resolved':
            return t('notice.resolved', base);
        case 'reopened':
            return t('notice.reopened', base);
        case 'assigned':
            return t('notice.assigned', { ...base, agent: typeof data.to === 'string' && data.to ? data.to : agent });
        default:
            if (data.to === 'waiting-customer') return t('notice.waiting', base);
            if (data.to === 'with-microsoft') return t('notice.withMicrosoft', base);
            return t('notice.statusChanged', { ...base, status: statusName(t, data.to ?? ticket.status) });
    }
}

/** The rating and reopen cards that follow a resolution. */
function resolutionCards(t: Translate, ticket: Ticket, reopenDays: number): RenderedCard[] {
    const number = ticket.number ?? `#${ticket.id}`;
    const intake = ticketIntake(ticket);
    return [
        renderQuestionCard({ prompt: TICKET_RATING_PROMPT, intake, title: t('notice.rateTitle'), question: t('notice.rateQuestion', { number }), choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), title: t(`handoff.rate${n}`) })) }),
        renderQuestionCard({ prompt: TICKET_REOPEN_PROMPT, intake, title: t('notice.reopenTitle'), question: t('notice.reopenQuestion', { number, days: reopenDays }), choices: [{ value: 'reopen', title: t('notice.reopenButton') }] }),
    ];
}

/**
 * What the customer is sent about a ticket event: the sentence (an agent's reply, a status,
 * the resolution with its text) and, after a resolution of a ticket still resolved, the
 * rating and reopen cards. `away`: shown on a later visit, under a heading that says so.
 */
export function noticeActivities(ticket: Ticket, event: TicketEvent, channelId: string, context: NoticeContext, away = false): Array<Partial<Activity>> {
    const t = translator(ticket.language as Language);
    const text = sentence(t, ticket, event, context.partnerName);
    const activities: Array<Partial<Activity>> = [{ type: 'message', text: away ? `${t('notice.whileAway')}\n\n${text}` : text, textFormat: 'markdown' }];
    if (event.type === 'resolved' && !isOpenStatus(ticket.status) && ticket.status !== 'closed' && ticket.rating === null) {
        for (const card of resolutionCards(t, ticket, context.reopenDays)) {
            activities.push(cardsSupported(channelId) ? { type: 'message', attachments: [card.attachment] } : { type: 'message', text: card.fallbackText });
        }
    }
    return activities;
}
