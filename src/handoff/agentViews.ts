import { DateTime } from 'luxon';
import { serviceRequestLine } from '../escalation/serviceRequestStatus';
import { renderAgentCard, type AgentCardAction, type RenderedCard } from '../../cards';
import type { TicketRow } from '../store/ticketRepository';
import type { AgentActionIntent } from './agentActionRepository';
import type { HandoffRow, TranscriptEntry } from './handoffStore';
import type { HandoffService } from './handoffService';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', pt: 'Portuguese (Brazil)', ru: 'Russian' };
const REASONS: Record<string, string> = { asked: 'asked for a person', 'offer-accepted': 'accepted the offer of an agent', frustrated: 'seemed frustrated', 'severity-a': 'Severity A', 'agent-initiated': 'an agent took over from the ticket' };

/** Stores a button's action for the card's audience and returns the id the button carries. */
export type IssueAction = (intent: AgentActionIntent) => Promise<string>;

type Button = AgentActionIntent & { title: string };

/** The card's buttons, each bound to an action the bot stored for this card's audience. */
async function bind(buttons: Button[], issue: IssueAction): Promise<AgentCardAction[]> {
    return Promise.all(buttons.map(async ({ title, ...intent }) => ({ title, id: await issue(intent) })));
}

/** Agents' cards are in English (the partner's desk language); times in the partner's zone. */
function at(iso: string, zone: string): string {
    return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL, HH:mm');
}

function clip(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Customer: …" lines of a transcript, for a card. */
export function transcriptLines(entries: TranscriptEntry[], max = 300): string[] {
    return entries.map((e) => `**${e.role === 'note' ? 'Note' : e.role === 'customer' ? (e.author ?? 'Customer') : e.role === 'agent' ? (e.author ?? 'Agent') : 'Bot'}:** ${clip(e.text || '(attachment)', max)}`);
}

function statusOf(handoff: HandoffRow, zone: string, timeoutMinutes: number): { status: string; statusColor: 'Warning' | 'Good' | 'Default' | 'Attention' } {
    if (handoff.state === 'waiting') return { status: `Waiting since ${at(handoff.enqueued_at, zone)}`, statusColor: 'Warning' };
    if (handoff.state === 'agent') return { status: `Taken by ${handoff.agent_name ?? 'an agent'} at ${at(handoff.accepted_at ?? handoff.updated_at, zone)}`, statusColor: 'Good' };
    const by = handoff.ended_by;
    if (by === 'customer' && !handoff.accepted_at) return { status: 'The customer left the queue', statusColor: 'Default' };
    if (by === 'timeout') return { status: `Nobody accepted within ${timeoutMinutes} min; back with the bot`, statusColor: 'Attention' };
    if (by === 'closed-hours') return { status: 'The desk closed before anyone accepted; back with the bot', statusColor: 'Attention' };
    return { status: `Ended by ${by === 'customer' ? 'the customer' : (handoff.agent_name ?? 'the agent')} (${handoff.agent_name ?? 'agent'} helped)`, statusColor: 'Default' };
}

/** Facts about the customer and their ticket. */
export function handoffFacts(handoff: HandoffRow, ticket: TicketRow | undefined, zone: string): Array<{ title: string; value: string }> {
    const facts = [
        { title: 'Customer', value: handoff.customer_name ?? ticket?.customer_name ?? 'unknown' },
        { title: 'Organisation', value: handoff.customer_organisation ?? ticket?.customer_organisation ?? 'unknown' },
        { title: 'Language', value: LANGUAGE_NAMES[handoff.language] ?? handoff.language },
        { title: 'Channel', value: handoff.channel_id === 'msteams' ? 'Teams' : `Web chat (${handoff.channel_id})` },
        { title: 'Why', value: REASONS[handoff.reason] ?? handoff.reason },
    ];
    if (ticket) {
        facts.push({ title: 'Ticket', value: ticket.number ?? `#${ticket.id}` }, { title: 'Category', value: ticket.category }, { title: 'Product', value: ticket.product });
        if (ticket.severity) facts.push({ title: 'Severity', value: ticket.severity });
        if (ticket.due_at) facts.push({ title: 'Due', value: at(ticket.due_at, zone) });
        const microsoft = serviceRequestLine(ticket, 'en', zone);
        if (microsoft) facts.push({ title: 'Microsoft', value: microsoft });
    } else {
        facts.push({ title: 'Ticket', value: 'none yet' });
    }
    return facts;
}

/** The card in the agents' channel for one waiting customer; updated in place as the state changes. */
export async function requestCard(service: HandoffService, handoff: HandoffRow, state: HandoffRow['state'], issue: IssueAction): Promise<RenderedCard> {
    const { tickets, transcript, partner, options } = service.deps;
    const zone = partner.hours.timeZone;
    const ticket = handoff.ticket_id ? await tickets.findById(handoff.ticket_id) : undefined;
    const recent = await transcript.recent(handoff.conversation_id, 5);
    const actions = await bind([...(state === 'waiting' ? [{ title: 'Accept', action: 'accept' as const, handoff: handoff.id }] : []), { title: 'Transcript', action: 'transcript', handoff: handoff.id }], issue);
    return renderAgentCard({
        title: `Customer waiting for an agent · #${handoff.id}`,
        ...statusOf({ ...handoff, state }, zone, options.waitTimeoutMinutes),
        facts: handoffFacts(handoff, ticket, zone),
        summary: clip(handoff.summary ?? ticket?.title ?? '', 500),
        lines: transcriptLines(recent, 200),
        actions,
    });
}

/** The queue, oldest first, with time waited and severity; Accept on the first five. */
export async function queueCard(service: HandoffService, waiting: HandoffRow[], issue: IssueAction): Promise<RenderedCard> {
    const now = service.deps.now();
    const lines: string[] = [];
    for (const h of waiting) {
        const ticket = h.ticket_id ? await service.deps.tickets.findById(h.ticket_id) : undefined;
        const minutes = Math.max(0, Math.floor((now.toMillis() - Date.parse(h.enqueued_at)) / 60_000));
        lines.push(`**#${h.id}** · waiting ${minutes} min · ${ticket?.severity ? `Severity ${ticket.severity}` : 'no severity'} · ${h.customer_name ?? 'Customer'} (${h.customer_organisation ?? 'unknown'}) · ${ticket?.product ?? 'no ticket yet'}`);
    }
    return renderAgentCard({
        title: `Queue: ${waiting.length} waiting`,
        status: waiting.length ? '' : 'Nobody is waiting.',
        statusColor: 'Default',
        facts: [],
        summary: '',
        lines,
        actions: await bind([...waiting.slice(0, 5).map((h) => ({ title: `Accept #${h.id}`, action: 'accept' as const, handoff: h.id })), { title: 'Refresh', action: 'queue' }], issue),
    });
}

/** What an agent sees on accepting, or asking for the transcript: facts and the conversation so far. */
export async function conversationCard(service: HandoffService, handoff: HandoffRow, title: string, entries: TranscriptEntry[], connected: boolean, issue: IssueAction): Promise<RenderedCard> {
    const ticket = handoff.ticket_id ? await service.deps.tickets.findById(handoff.ticket_id) : undefined;
    const buttons: Button[] = connected ? [{ title: 'End (hand back to the bot)', action: 'end', handoff: handoff.id }] : [];
    if (ticket && connected) buttons.push({ title: 'Escalate to Microsoft', action: 'escalate', handoff: handoff.id });
    const actions = await bind(buttons, issue);
    return renderAgentCard({
        title,
        status: '',
        statusColor: 'Default',
        facts: handoffFacts(handoff, ticket, service.deps.partner.hours.timeZone),
        summary: clip(handoff.summary ?? ticket?.title ?? '', 500),
        lines: entries.length ? transcriptLines(entries) : ['(no messages yet)'],
        actions,
    });
}

/** The notice of a new ticket in the agents' channel, with Take over and Escalate to Microsoft. */
export async function ticketNoticeCard(service: HandoffService, ticket: TicketRow, issue: IssueAction): Promise<RenderedCard> {
    const zone = service.deps.partner.hours.timeZone;
    const due = ticket.due_at ? `due ${at(ticket.due_at, zone)}` : 'no due time';
    const facts = [
        { title: 'Customer', value: ticket.customer_name ?? 'unknown' },
        { title: 'Organisation', value: ticket.customer_organisation ?? 'unknown' },
        { title: 'E-mail', value: ticket.customer_email ?? 'unknown' },
        { title: 'Language', value: LANGUAGE_NAMES[ticket.language] ?? ticket.language },
        { title: 'Category', value: ticket.category },
        { title: 'Product', value: ticket.product },
        ...(ticket.kind ? [{ title: 'Kind', value: ticket.kind }] : []),
        { title: 'Severity', value: ticket.severity ?? 'none' },
        ...(ticket.due_at ? [{ title: 'Due', value: at(ticket.due_at, zone) }] : []),
        ...(ticket.support_plan_id ? [{ title: 'Support plan', value: ticket.support_plan_id }] : []),
        ...(ticket.service_health_issue_title ? [{ title: 'Service health', value: ticket.service_health_issue_title }] : []),
        ...(ticket.service_request_id ? [{ title: 'Microsoft', value: serviceRequestLine(ticket, 'en', zone) ?? ticket.service_request_id }] : []),
    ];
    return renderAgentCard({
        title: `New ticket ${ticket.number ?? `#${ticket.id}`}: ${clip(ticket.title, 120)}`,
        status: `${ticket.severity ? `Severity ${ticket.severity}` : ticket.category === 'commercial' ? 'Commercial' : 'Advisory'} · ${due}`,
        statusColor: ticket.severity === 'A' ? 'Attention' : ticket.severity === 'B' ? 'Warning' : 'Default',
        facts,
        summary: clip(ticket.description, 600),
        lines: [],
        actions: await bind(
            [
                { title: 'Take over', action: 'takeover', ticket: ticket.id },
                { title: 'Escalate to Microsoft', action: 'escalate', ticket: ticket.id },
            ],
            issue,
        ),
    });
}
