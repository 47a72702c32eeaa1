import { DateTime } from 'luxon';
import { renderAgentCard, type AgentCardAction, type RenderedCard } from '../../cards';
import { serviceRequestLine } from '../escalation/serviceRequestStatus';
import { deskTranslator } from '../i18n/i18n';
import { languageName } from '../understanding/packs';
import type { Ticket } from '../store/ticketRepository';
import type { TranscriptEntry } from '../transcript/transcriptRepository';
import type { AgentActionIntent } from './agentActionRepository';
import type { HandoffContext } from './handoffContext';
import type { Handoff, HandoffState } from './handoffTypes';

/** Stores a button's action for the card's audience and returns the id the button carries. */
export type IssueAction = (intent: AgentActionIntent) => Promise<string>;

/** What the views read: tickets, transcripts, the partner's zone, the queue's timeout, the clock. */
export type ViewContext = Pick<HandoffContext, 'tickets' | 'transcript' | 'partner' | 'options' | 'now'>;

export type Button = AgentActionIntent & { title: string };

/** Agents' cards are in the desk's language (English until the desk has others); times in the partner's zone. */
const t = deskTranslator();

/** The card's buttons, each bound to an action the bot stored for this card's audience. */
export async function bind(buttons: Button[], issue: IssueAction): Promise<AgentCardAction[]> {
    return Promise.all(buttons.map(async ({ title, ...intent }) => ({ title, id: await issue(intent) })));
}

export function at(iso: string, zone: string): string {
    return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL, HH:mm');
}

export function clip(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Customer: …" lines of a transcript, for a card. */
export function transcriptLines(entries: TranscriptEntry[], max = 300): string[] {
    const who = (e: TranscriptEntry): string => (e.role === 'note' ? t('card.note') : e.role === 'customer' ? (e.author ?? t('someone.customer')) : e.role === 'agent' ? (e.author ?? t('someone.agent')) : t('card.bot'));
    return entries.map((e) => `**${who(e)}:** ${clip(e.text || t('card.attachment'), max)}`);
}

function statusOf(handoff: Handoff, zone: string, timeoutMinutes: number): { status: string; statusColor: 'Warning' | 'Good' | 'Default' | 'Attention' } {
    if (handoff.state === 'waiting') return { status: t('card.waitingSince', { at: at(handoff.enqueuedAt, zone) }), statusColor: 'Warning' };
    if (handoff.state === 'agent') return { status: t('card.takenBy', { agent: handoff.agentName ?? t('someone.anAgent'), at: at(handoff.acceptedAt ?? handoff.updatedAt, zone) }), statusColor: 'Good' };
    const by = handoff.endedBy;
    if (by === 'customer' && !handoff.acceptedAt) return { status: t('card.leftQueue'), statusColor: 'Default' };
    if (by === 'timeout') return { status: t('card.nobodyAccepted', { minutes: timeoutMinutes }), statusColor: 'Attention' };
    if (by === 'closed-hours') return { status: t('card.closedBeforeAccept'), statusColor: 'Attention' };
    const ender = by === 'customer' ? t('someone.theCustomer') : (handoff.agentName ?? t('someone.theAgent'));
    return { status: t('card.endedBy', { by: ender, agent: handoff.agentName ?? t('someone.agent') }), statusColor: 'Default' };
}

/** Facts about the customer and their ticket. */
export function handoffFacts(handoff: Handoff, ticket: Ticket | undefined, zone: string): Array<{ title: string; value: string }> {
    const facts = [
        { title: t('card.fact.customer'), value: handoff.customerName ?? ticket?.customerName ?? t('someone.unknown') },
        { title: t('card.fact.organisation'), value: handoff.customerOrganisation ?? ticket?.customerOrganisation ?? t('someone.unknown') },
        { title: t('card.fact.language'), value: t(`language.${handoff.language}`, { defaultValue: languageName(handoff.language) }) },
        { title: t('card.fact.channel'), value: handoff.channelId === 'msteams' ? t('card.channelTeams') : t('card.channelWeb', { channel: handoff.channelId }) },
        { title: t('card.fact.why'), value: t(`reason.${handoff.reason}`, { defaultValue: handoff.reason }) },
    ];
    if (ticket) {
        facts.push({ title: t('card.fact.ticket'), value: ticket.number ?? `#${ticket.id}` }, { title: t('card.fact.category'), value: ticket.category }, { title: t('card.fact.product'), value: ticket.product });
        if (ticket.severity) facts.push({ title: t('card.fact.severity'), value: ticket.severity });
        if (ticket.dueAt) facts.push({ title: t('card.fact.due'), value: at(ticket.dueAt, zone) });
        const microsoft = serviceRequestLine(ticket, 'en', zone);
        if (microsoft) facts.push({ title: t('card.fact.microsoft'), value: microsoft });
    } else {
        facts.push({ title: t('card.fact.ticket'), value: t('someone.noneYet') });
    }
    return facts;
}

/** The card in the agents' channel for one waiting customer; updated in place as the state changes. */
export async function requestCard(ctx: ViewContext, handoff: Handoff, state: HandoffState, issue: IssueAction): Promise<RenderedCard> {
    const zone = ctx.partner.hours.timeZone;
    const ticket = handoff.ticketId ? await ctx.tickets.findById(handoff.ticketId) : undefined;
    const recent = await ctx.transcript.recent(handoff.conversationId, 5);
    const buttons: Button[] = [...(state === 'waiting' ? [{ title: t('card.button.accept'), action: 'accept' as const, handoff: handoff.id }] : []), { title: t('card.button.transcript'), action: 'transcript', handoff: handoff.id }];
    return renderAgentCard({
        title: t('card.waitingTitle', { id: handoff.id }),
        ...statusOf({ ...handoff, state }, zone, ctx.options.waitTimeoutMinutes),
        facts: handoffFacts(handoff, ticket, zone),
        summary: clip(handoff.summary ?? ticket?.title ?? '', 500),
        lines: transcriptLines(recent, 200),
        actions: await bind(buttons, issue),
    });
}

/** The queue, oldest first, with time waited and severity; Accept on the first five. */
export async function queueCard(ctx: ViewContext, waiting: Handoff[], issue: IssueAction): Promise<RenderedCard> {
    const now = ctx.now();
    const lines: string[] = [];
    for (const h of waiting) {
        const ticket = h.ticketId ? await ctx.tickets.findById(h.ticketId) : undefined;
        const minutes = Math.max(0, Math.floor((now.toMillis() - Date.parse(h.enqueuedAt)) / 60_000));
        const severity = ticket?.severity ? t('card.severity', { severity: ticket.severity }) : t('someone.noSeverity');
        lines.push(t('card.queueLine', { id: h.id, minutes, severity, customer: h.customerName ?? t('someone.customer'), organisation: h.customerOrganisation ?? t('someone.unknown'), product: ticket?.product ?? t('someone.noTicketYet') }));
    }
    const buttons: Button[] = [...waiting.slice(0, 5).map((h) => ({ title: t('card.button.acceptId', { id: h.id }), action: 'accept' as const, handoff: h.id })), { title: t('card.button.refresh'), action: 'queue' }];
    return renderAgentCard({ title: t('card.queueTitle', { count: waiting.length }), status: waiting.length ? '' : t('nobodyWaiting'), statusColor: 'Default', facts: [], summary: '', lines, actions: await bind(buttons, issue) });
}

/** What an agent sees on accepting, or asking for the transcript: facts and the conversation so far. */
export async function conversationCard(ctx: ViewContext, handoff: Handoff, title: string, entries: TranscriptEntry[], connected: boolean, issue: IssueAction): Promise<RenderedCard> {
    const ticket = handoff.ticketId ? await ctx.tickets.findById(handoff.ticketId) : undefined;
    const buttons: Button[] = connected ? [{ title: t('card.button.end'), action: 'end', handoff: handoff.id }] : [];
    if (ticket && connected) buttons.push({ title: t('card.button.escalate'), action: 'escalate', handoff: handoff.id });
    return renderAgentCard({
        title,
        status: '',
        statusColor: 'Default',
        facts: handoffFacts(handoff, ticket, ctx.partner.hours.timeZone),
        summary: clip(handoff.summary ?? ticket?.title ?? '', 500),
        lines: entries.length ? transcriptLines(entries) : [t('card.noMessages')],
        actions: await bind(buttons, issue),
    });
}
