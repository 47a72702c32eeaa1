import { renderAgentCard, type RenderedCard } from '../../cards';
import { serviceRequestLine } from '../escalation/serviceRequestStatus';
import { deskTranslator } from '../i18n/i18n';
import { dueState, isOpenStatus } from '../policy/ticketLifecycle';
import type { Ticket, TicketEvent } from '../store/ticketRepository';
import type { AlertKind } from '../tickets/ticketClock';
import { languageName } from '../understanding/packs';
import { at, bind, clip, type Button, type IssueAction, type ViewContext } from './agentViews';
import { attachmentEventText, attachmentLines } from './attachmentLines';

/** Agents' cards are in the desk's language; times in the partner's zone. */
const t = deskTranslator();

type Color = 'Default' | 'Good' | 'Warning' | 'Attention';

/** "2 d 3 h", "1 h 20 min", "35 min" (at least a minute). */
export function durationText(ms: number): string {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    if (days > 0) return t('time.daysHours', { days, hours });
    if (hours > 0) return rest ? t('time.hoursMinutes', { hours, minutes: rest }) : t('time.hours', { hours });
    return t('time.minutes', { minutes: rest });
}

/** Where the ticket stands against its first-response due time, in words and colour. */
export function dueText(ctx: ViewContext, ticket: Ticket, now: Date): { text: string; color: Color } {
    const zone = ctx.partner.hours.timeZone;
    const state = dueState(ticket, now, ctx.options.alertShare);
    const due = ticket.dueAt ? at(ticket.dueAt, zone) : '';
    const left = ticket.dueAt ? durationText(Date.parse(ticket.dueAt) - now.getTime()) : '';
    switch (state) {
        case 'met':
            return { text: t('ticket.due.met', { at: at(ticket.firstResponseAt as string, zone) }), color: 'Good' };
        case 'missed':
            return { text: t('ticket.due.missed', { due }), color: 'Attention' };
        case 'on-track':
            return { text: t('ticket.due.onTrack', { due, left }), color: 'Default' };
        case 'at-risk':
            return { text: t('ticket.due.atRisk', { due, left }), color: 'Warning' };
        case 'breached':
            return { text: t('ticket.due.breached', { due, late: left }), color: 'Attention' };
        default:
            return { text: t('card.noDue'), color: 'Default' };
    }
}

function statusName(ticket: Ticket): string {
    return t(`ticket.status.${ticket.status}`);
}

function eventText(event: TicketEvent): string | undefined {
    let data: { text?: string; to?: string; from?: string; name?: unknown } = {};
    try {
        data = JSON.parse(event.data) as typeof data;
    } catch {
        // an unreadable event shows without its details
    }
    const who = event.actor?.kind === 'customer' ? t('someone.TheCustomer') : event.actor?.kind === 'psa' ? t('ticket.byPsa', { name: event.actor.name ?? '' }) : (event.actor?.name ?? t('card.bot'));
    const text = data.text ? clip(data.text, 200) : '';
    const line = (key: string, extra: Record<string, unknown> = {}): string => `**${who}** ${t(`ticket.event.${key}`, { text, to: extra.to ?? '', status: extra.status ?? '' })}`;
    switch (event.type) {
        case 'replied':
        case 'customer-replied':
        case 'resolved':
        case 'reopened':
        case 'taken-over':
        case 'amended':
        case 'agent.note':
            return line(event.type);
        case 'assigned':
            return line(data.to ? 'assigned' : 'unassigned', { to: data.to ?? '' });
        case 'attachment.added':
            return attachmentEventText(who, data);
        case 'status-changed':
            return line('statusChanged', { status: data.to ? t(`ticket.status.${data.to}`, { defaultValue: data.to }) : '' });
        default:
            return undefined;
    }
}

/** The buttons a ticket gets for its status (Teams shows up to six). */
function buttons(ticket: Ticket): Button[] {
    if (!isOpenStatus(ticket.status)) return [{ title: t('card.button.reopen'), action: 'reopen', ticket: ticket.id }];
    const list: Button[] = [
        { title: t('card.button.assignToMe'), action: 'assign', ticket: ticket.id },
        { title: t('card.button.reply'), action: 'reply', ticket: ticket.id },
        { title: t('card.button.waiting'), action: 'waiting', ticket: ticket.id },
        { title: t('card.button.resolve'), action: 'resolve', ticket: ticket.id },
        { title: t('card.button.takeOver'), action: 'takeover', ticket: ticket.id },
    ];
    if (!ticket.serviceRequestId) list.push({ title: t('card.button.escalate'), action: 'escalate', ticket: ticket.id });
    return list;
}

/**
 * A ticket as agents work it, updated in place in the agents' channel on every change: its
 * status, who has it, the clock, the customer, the latest history, a text box, and the
 * buttons its status allows (assign to me, reply, waiting on customer, resolve, take over,
 * escalate to Microsoft; reopen once resolved).
 */
export async function ticketCard(ctx: ViewContext, ticket: Ticket, issue: IssueAction): Promise<RenderedCard> {
    const zone = ctx.partner.hours.timeZone;
    const now = ctx.now().toJSDate();
    const due = dueText(ctx, ticket, now);
    const f = (key: string, value: string) => ({ title: t(`card.fact.${key}`), value });
    const facts = [
        f('customer', ticket.customerName ?? t('someone.unknown')),
        f('organisation', ticket.customerOrganisation ?? t('someone.unknown')),
        f('email', ticket.customerEmail ?? t('someone.unknown')),
        f('language', t(`language.${ticket.language}`, { defaultValue: languageName(ticket.language) })),
        f('category', ticket.category),
        f('product', ticket.product),
        ...(ticket.kind ? [f('kind', ticket.kind)] : []),
        f('severity', ticket.severity ?? t('someone.noSeverity')),
        ...(ticket.dueAt ? [f('due', at(ticket.dueAt, zone))] : []),
        f('assignee', ticket.assigneeName ?? t('ticket.unassignedName')),
        ...(ticket.firstResponseAt ? [f('firstResponse', `${at(ticket.firstResponseAt, zone)} (${ticket.firstResponseBy ?? ''})`)] : []),
        ...(ticket.supportPlanId ? [f('supportPlan', ticket.supportPlanId)] : []),
        ...(ticket.serviceHealthIssueTitle ? [f('serviceHealth', ticket.serviceHealthIssueTitle)] : []),
        ...(ticket.serviceRequestId ? [f('microsoft', serviceRequestLine(ticket, 'en', zone) ?? ticket.serviceRequestId)] : []),
        ...(ticket.resolutionText ? [f('resolution', clip(ticket.resolutionText, 300))] : []),
        ...(ticket.rating !== null ? [f('rating', `${ticket.rating}/5`)] : []),
    ];
    const headline = ticket.severity ? t('card.severity', { severity: ticket.severity }) : ticket.category === 'commercial' ? t('card.commercial') : t('card.advisory');
    const events = await ctx.tickets.events(ticket.id);
    const history = events.map(eventText).filter((line): line is string => line !== undefined).slice(-6);
    const open = isOpenStatus(ticket.status);
    return renderAgentCard({
        title: t('card.ticketTitle', { number: ticket.number ?? `#${ticket.id}`, title: clip(ticket.title, 120) }),
        status: `${statusName(ticket)} · ${headline} · ${due.text}`,
        statusColor: !open ? 'Good' : ticket.severity === 'A' && due.color === 'Default' ? 'Attention' : due.color,
        facts,
        summary: clip(ticket.description, 600),
        // Every file the customer attached, whatever the history shows of when.
        lines: [...attachmentLines(events), ...history],
        actions: await bind(buttons(ticket), issue),
        ...(open ? { input: { label: t('card.inputLabel'), placeholder: t('card.inputPlaceholder') } } : {}),
    });
}

/** One line of the `tickets` list. */
export function ticketLine(ctx: ViewContext, ticket: Ticket, now: Date): string {
    return t('ticket.line', {
        number: ticket.number ?? `#${ticket.id}`,
        status: statusName(ticket),
        severity: ticket.severity ? t('card.severity', { severity: ticket.severity }) : t('someone.noSeverity'),
        due: dueText(ctx, ticket, now).text,
        assignee: ticket.assigneeName ?? t('ticket.unassignedName'),
        title: clip(ticket.title, 80),
    });
}

/** The alert in the agents' channel for an unanswered ticket at risk of, or past, its due time. */
export async function alertCard(ctx: ViewContext, ticket: Ticket, kind: AlertKind, issue: IssueAction): Promise<RenderedCard> {
    const now = ctx.now().toJSDate();
    const number = ticket.number ?? `#${ticket.id}`;
    const due = ticket.dueAt ? at(ticket.dueAt, ctx.partner.hours.timeZone) : '';
    const left = ticket.dueAt ? durationText(Date.parse(ticket.dueAt) - now.getTime()) : '';
    const severity = ticket.severity ? t('card.severity', { severity: ticket.severity }) : t('someone.noSeverity');
    const overdue = ticket.dueAt !== null && Date.parse(ticket.dueAt) <= now.getTime();
    const title = kind === 'breach' || overdue ? t('alert.breachTitle', { number, severity, late: left, due }) : t('alert.atRiskTitle', { number, severity, left, due });
    const buttons: Button[] = [
        { title: t('card.button.assignToMe'), action: 'assign', ticket: ticket.id },
        { title: t('card.button.takeOver'), action: 'takeover', ticket: ticket.id },
    ];
    return renderAgentCard({
        title,
        status: t('alert.status', { status: statusName(ticket), assignee: ticket.assigneeName ?? t('ticket.unassignedName') }),
        statusColor: kind === 'breach' ? 'Attention' : 'Warning',
        facts: [
            { title: t('card.fact.customer'), value: ticket.customerName ?? t('someone.unknown') },
            { title: t('card.fact.organisation'), value: ticket.customerOrganisation ?? t('someone.unknown') },
            { title: t('card.fact.product'), value: ticket.product },
        ],
        summary: clip(ticket.title, 200),
        lines: [],
        actions: await bind(buttons, issue),
    });
}
