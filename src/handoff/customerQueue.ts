import type { TurnContext } from 'botbuilder';
import { dueSentence } from '../cases/dueTimeText';
import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import { isOpen, nextOpenInstant } from '../policy/businessCalendar';
import type { Language, Severity } from '../policy/types';
import type { Ticket } from '../store/ticketRepository';
import type { AgentsChannel } from './agentsChannel';
import type { HandoffContext } from './handoffContext';
import type { NewHandoff } from './handoffRepository';
import type { Handoff, StartRequest, StartResult } from './handoffTypes';
import type { Relay } from './relay';

/** Why a customer left the queue without an agent. */
export type LeftBy = 'customer' | 'timeout' | 'closed-hours';

/**
 * The built-in queue: who may wait (within the partner's hours, with someone to tell), an
 * honest wait estimate, leaving, timing out and closing time (the ticket stands).
 */
export class CustomerQueue {
    constructor(
        private readonly ctx: HandoffContext,
        private readonly channel: AgentsChannel,
        private readonly relay: Relay,
    ) {}

    /** True when at least one agent is available (or, with no agents listed, an agents' channel answers). */
    someoneAvailable(): Promise<boolean> {
        return this.channel.reachesSomeone();
    }

    /** Whether a person could join now: within the partner's hours and with someone available. */
    async availability(): Promise<'open' | 'out-of-hours' | 'no-agents'> {
        if (!isOpen(this.ctx.partner.hours, this.ctx.now())) return 'out-of-hours';
        return (await this.channel.reachesSomeone()) ? 'open' : 'no-agents';
    }

    /** Puts the customer in the queue and tells them their place; or says when the desk opens. */
    async join(context: TurnContext, base: Omit<NewHandoff, 'hub'>, request: StartRequest): Promise<StartResult> {
        const t = translator(request.language);
        const availability = await this.availability();
        if (availability !== 'open') {
            await context.sendActivity([t(availability === 'out-of-hours' ? 'handoff.outOfHours' : 'handoff.noAgents', { next: this.nextOpening(request.language) }), this.ticketLine(request.ticket, request.language)].join(' ').trim());
            return availability;
        }
        const { handoff, created } = await this.ctx.handoffs.enqueue({ ...base, hub: 'builtin' }, this.ctx.now().toJSDate());
        if (!created) {
            await context.sendActivity(t('handoff.stillWaiting', { position: await this.ctx.handoffs.position(handoff) }));
            return 'already';
        }
        const position = await this.ctx.handoffs.position(handoff);
        const minutes = await this.estimateMinutes(position);
        const estimate = minutes === undefined ? t('handoff.estimateUnknown') : t('handoff.estimate', { minutes });
        await context.sendActivity(`${t('handoff.queued', { partner: this.ctx.partner.name, position, estimate })}\n\n${t('handoff.queuedTail')}`);
        await this.channel.announceWaiting(handoff);
        if (handoff.ticketId) await this.ctx.tickets.addEvent(handoff.ticketId, 'handoff.queued', { handoff: handoff.id, reason: request.reason }, this.ctx.now().toJSDate());
        return 'queued';
    }

    /** A waiting customer writes again: their place (or, past the timeout or closing time, out of the queue). */
    async position(handoff: Handoff): Promise<number> {
        return this.ctx.handoffs.position(handoff);
    }

    /** True when a built-in wait has passed its timeout or the desk has closed. */
    expired(handoff: Handoff): boolean {
        const waited = this.ctx.now().toMillis() - Date.parse(handoff.enqueuedAt);
        return handoff.hub === 'builtin' && (waited > this.ctx.options.waitTimeoutMinutes * 60_000 || !isOpen(this.ctx.partner.hours, this.ctx.now()));
    }

    /** Takes the customer out of the queue and says what happens next (in their turn, or proactively). */
    async leave(handoff: Handoff, by: LeftBy, context?: TurnContext): Promise<boolean> {
        const now = this.ctx.now().toJSDate();
        const moved = await this.ctx.handoffs.transition(handoff.id, 'waiting', 'closed', { endedAt: now, endedBy: by, closedAt: now }, now);
        if (!moved) return false;
        const t = translator(handoff.language);
        const ticket = handoff.ticketId ? await this.ctx.tickets.findById(handoff.ticketId) : undefined;
        const opening = by === 'customer' ? t('handoff.leftQueue') : by === 'timeout' ? t('handoff.timedOut') : t('handoff.outOfHours', { next: this.nextOpening(handoff.language) });
        const text = [opening, this.ticketLine(ticket, handoff.language)].join(' ');
        if (context) await context.sendActivity(text);
        else await this.relay.toCustomer(handoff, [{ type: 'message', text }], null);
        if (ticket) await this.ctx.tickets.addEvent(ticket.id, 'handoff.left-queue', { handoff: handoff.id, by }, now);
        await this.channel.refreshWaiting(handoff);
        return true;
    }

    /** Times out customers who waited too long, and empties the queue when the partner closes. */
    async sweep(): Promise<number> {
        const now = this.ctx.now();
        const closed = !isOpen(this.ctx.partner.hours, now);
        const before = closed ? now.plus({ minutes: 1 }) : now.minus({ minutes: this.ctx.options.waitTimeoutMinutes });
        let count = 0;
        for (const handoff of (await this.ctx.handoffs.waitingSince(before.toJSDate())).filter((h) => h.hub === 'builtin')) {
            try {
                if (await this.leave(handoff, closed ? 'closed-hours' : 'timeout')) count++;
            } catch (error) {
                this.ctx.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not time out a waiting customer');
            }
        }
        return count;
    }

    /** The sentence that tells the customer their ticket stands (severity and due time), or how to get one. */
    ticketLine(ticket: Ticket | undefined, language: Language): string {
        const t = translator(language);
        if (!ticket?.number) return t('handoff.noTicketYet');
        const fields = { dueAt: ticket.dueAt ?? undefined, dueBasis: ticket.dueBasis ?? undefined, dueFrom: ticket.createdAt, severity: (ticket.severity as Severity | null) ?? undefined, language, category: ticket.category, kind: ticket.kind };
        const due = dueSentence(this.ctx.partner.hours.timeZone, fields, this.ctx.partner);
        return ticket.severity ? t('handoff.ticketStandsSeverity', { number: ticket.number, severity: ticket.severity, due }) : t('handoff.ticketStands', { number: ticket.number, due });
    }

    /** Minutes to wait, from how long recent customers waited; undefined with too little history. */
    private async estimateMinutes(position: number): Promise<number | undefined> {
        const waits = (await this.ctx.handoffs.recentWaits(20)).filter((w) => w >= 0).sort((a, b) => a - b);
        if (waits.length < 3) return undefined;
        const median = waits[Math.floor(waits.length / 2)] as number;
        return Math.max(1, Math.min(this.ctx.options.waitTimeoutMinutes, Math.ceil((median * position) / 60_000)));
    }

    private nextOpening(language: Language): string {
        const next = nextOpenInstant(this.ctx.partner.hours, this.ctx.now());
        return formatDueAt(next.toUTC().toISO() as string, this.ctx.partner.hours.timeZone, language);
    }
}
