import type { Kysely } from 'kysely';
import type { Logger } from '../logger';
import { OutboxRepository } from '../outbox/outboxRepository';
import { alertTimes } from '../policy/ticketLifecycle';
import type { Database } from '../store/schema';
import { insertEvent } from '../store/ticketChange';
import type { Ticket, TicketRepository } from '../store/ticketRepository';
import type { TicketActions } from './ticketActions';

/** An alert about an unanswered ticket: part of its window gone, or its due time passed. */
export type AlertKind = 'at-risk' | 'breach';

/** What an 'agent-alert' outbox row holds. */
export interface AgentAlertPayload {
    ticketId: number;
    kind: AlertKind;
    dueAt: string;
}

export interface TicketClockOptions {
    /** Share of the window (0-1) after which an unanswered ticket is at risk; 1 turns the early alert off. */
    alertShare: number;
    /** Days a resolved ticket stays reopenable before it closes. */
    reopenDays: number;
    /** The bot's business clock (tests move it). */
    now: () => Date;
    /** Wall clock for outbox rows. */
    wallClock?: () => Date;
    /** Wakes the outbox worker after alerts were written. */
    committed?: () => void;
}

/**
 * The first-response clock: raises an at-risk alert once the configured share of an
 * unanswered ticket's window has gone and a breach alert at its due time, each exactly once
 * (a row per ticket, kind and due time decides, whichever instance sweeps first), written
 * with its outbox message and a ticket event in one transaction so a restart neither loses
 * nor repeats one. It also closes resolved tickets whose reopen window has passed.
 */
export class TicketClock {
    constructor(
        private readonly db: Kysely<Database>,
        private readonly tickets: TicketRepository,
        private readonly actions: TicketActions,
        private readonly options: TicketClockOptions,
        private readonly logger: Logger,
    ) {}

    /** One pass; returns how many alerts it raised and tickets it closed. */
    async sweep(): Promise<{ alerts: number; closed: number }> {
        const now = this.options.now();
        let alerts = 0;
        for (const ticket of await this.tickets.unanswered()) {
            const kind = this.dueAlert(ticket, now.getTime());
            if (kind && (await this.raise(ticket, kind, now))) alerts++;
        }
        if (alerts > 0) this.options.committed?.();
        let closed = 0;
        const windowStart = new Date(now.getTime() - this.options.reopenDays * 86_400_000).toISOString();
        for (const ticket of await this.tickets.resolvedBefore(windowStart)) {
            const result = await this.actions.close(ticket.id, { kind: 'system' });
            if (result.ok) closed++;
        }
        return { alerts, closed };
    }

    /** The alert a ticket is due, if any: a breach past its due time, else at risk past the share. */
    private dueAlert(ticket: Ticket, at: number): AlertKind | undefined {
        const times = alertTimes(ticket, this.options.alertShare);
        if (!times) return undefined;
        if (at >= times.breachAt) return 'breach';
        return this.options.alertShare < 1 && at >= times.atRiskAt ? 'at-risk' : undefined;
    }

    /** Writes the alert once; false when another sweep (or instance) already raised it. */
    private async raise(ticket: Ticket, kind: AlertKind, now: Date): Promise<boolean> {
        const dueAt = ticket.dueAt as string;
        const iso = now.toISOString();
        try {
            return await this.db.transaction().execute(async (trx) => {
                const inserted = await trx
                    .insertInto('ticket_alerts')
                    .values({ ticket_id: ticket.id, kind, due_at: dueAt, fired_at: iso })
                    .onConflict((oc) => oc.columns(['ticket_id', 'kind', 'due_at']).doNothing())
                    .returning('ticket_id')
                    .executeTakeFirst();
                if (!inserted) return false;
                await insertEvent(trx, ticket.id, `alert.${kind}`, { dueAt }, { kind: 'system' }, iso);
                const number = ticket.number ?? `id-${ticket.id}`;
                await new OutboxRepository(trx).enqueue([{ kind: 'agent-alert', idempotencyKey: `agent-alert/${number}/${kind}/${dueAt}`, payload: { ticketId: ticket.id, kind, dueAt } satisfies AgentAlertPayload, ticketId: ticket.id }], (this.options.wallClock ?? (() => new Date()))());
                return true;
            });
        } catch (error) {
            this.logger.warn({ err: { message: (error as Error).message }, ticket: ticket.id }, 'could not raise a due-time alert; the next sweep tries again');
            return false;
        }
    }
}
