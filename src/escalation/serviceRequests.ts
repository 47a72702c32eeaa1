/**
 * Microsoft service requests for tickets, delivered through the outbox: an agent's
 * "Escalate to Microsoft" (or, when the partner enables it, every Severity A ticket) enqueues
 * a 'service-request' message in the caller's transaction; its handler files the request in
 * Partner Center and stores the returned id and status on the ticket. 'service-request-refresh'
 * messages re-read the status.
 */
import { isOpenStatus } from '../policy/ticketLifecycle';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SupportTopicOverrides } from '../config';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { Database } from '../store/schema';
import { TicketRepository, type Ticket } from '../store/ticketRepository';
import { PermanentDeliveryError, type OutboxHandler, type OutboxKind, type OutboxMessage } from '../outbox/outboxTypes';
import type { PartnerCenterClient } from '../integrations/partnerCenterClient';
import { buildServiceRequest, chooseSupportTopic, ServiceRequestInputError } from './serviceRequestDraft';

/** A message for the outbox, as the code that wants a side effect describes it. */
export interface OutboxEntry {
    kind: OutboxKind;
    idempotencyKey: string;
    payload: unknown;
    ticketId: number | null;
}

/** Writes outbox rows in the caller's transaction (the outbox table lives in its own module). */
export interface OutboxWriter {
    enqueue(trx: Kysely<Database>, entry: OutboxEntry): Promise<void>;
}

/** The one logger method used here; a pino Logger fits. */
export interface ServiceRequestLogger {
    info(obj: Record<string, unknown>, msg: string): void;
}

const PayloadSchema = z.object({ ticketId: z.number().int().positive() });

/** Statuses after which Partner Center no longer changes a request by itself. */
const FINAL_STATUSES = ['closed'];

/** Outbox entry that files a service request for a ticket (the key makes a second ask a no-op). */
export function serviceRequestEntry(ticketId: number): OutboxEntry {
    return { kind: 'service-request', idempotencyKey: `service-request:${ticketId}`, payload: { ticketId }, ticketId };
}

/**
 * An agent (or the automatic rule) asks for a Microsoft service request: records who asked and
 * enqueues the delivery, in the caller's transaction. Says what happened.
 */
export async function requestServiceRequest(trx: Kysely<Database>, outbox: OutboxWriter, ticketId: number, requestedBy: string, now: Date = new Date()): Promise<'queued' | 'already-filed' | 'not-found'> {
    const tickets = new TicketRepository(trx);
    const ticket = await tickets.findById(ticketId);
    if (!ticket) return 'not-found';
    if (ticket.serviceRequestId) return 'already-filed';
    await tickets.addEvent(ticketId, 'service-request-requested', { requestedBy }, now);
    await outbox.enqueue(trx, serviceRequestEntry(ticketId));
    return 'queued';
}

/** The entry to enqueue with a newly opened ticket when AUTO_ESCALATE_SEVERITY_A is on and it is Severity A. */
export function autoServiceRequest(ticket: Pick<Ticket, 'id' | 'status' | 'severity'>, config: { AUTO_ESCALATE_SEVERITY_A: boolean }): OutboxEntry | undefined {
    return config.AUTO_ESCALATE_SEVERITY_A && isOpenStatus(ticket.status) && ticket.severity === 'A' ? serviceRequestEntry(ticket.id) : undefined;
}

/** Refresh entries for every filed request that is not closed; one per ticket per `intervalMs` window. */
export async function enqueueStatusRefreshes(trx: Kysely<Database>, outbox: OutboxWriter, intervalMs: number, now: Date = new Date()): Promise<number> {
    const window = Math.floor(now.getTime() / intervalMs);
    const open = await new TicketRepository(trx).withOpenServiceRequests(FINAL_STATUSES);
    for (const id of open) {
        await outbox.enqueue(trx, { kind: 'service-request-refresh', idempotencyKey: `service-request-refresh:${id}:${window}`, payload: { ticketId: id }, ticketId: id });
    }
    return open.length;
}

/**
 * Every `intervalMs`, enqueues status refreshes (in a transaction of its own). Returns a
 * function that stops it. The timer does not keep the process alive.
 */
export function scheduleStatusRefreshes(db: Kysely<Database>, outbox: OutboxWriter, intervalMs: number, logger: { warn(obj: Record<string, unknown>, msg: string): void }): () => void {
    const timer = setInterval(() => {
        db.transaction()
            .execute((trx) => enqueueStatusRefreshes(trx, outbox, intervalMs))
            .catch((err: unknown) => logger.warn({ component: 'serviceRequests', error: err instanceof Error ? err.message : 'unknown' }, 'could not enqueue service request status refreshes'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
}

export interface ServiceRequestDependencies {
    db: Kysely<Database>;
    client: PartnerCenterClient;
    partner: PartnerProfile;
    /** PARTNER_CENTER_LOCALE, e.g. en-US. */
    agentLocale: string;
    topicOverrides?: SupportTopicOverrides;
    logger: ServiceRequestLogger;
    now?: () => Date;
}

/** The outbox handlers for 'service-request' and 'service-request-refresh'. */
export function serviceRequestHandlers(deps: ServiceRequestDependencies): Record<'service-request' | 'service-request-refresh', OutboxHandler> {
    const now = deps.now ?? (() => new Date());
    return {
        'service-request': (message) => fileServiceRequest(deps, message, now()),
        'service-request-refresh': (message) => refreshServiceRequest(deps, message, now()),
    };
}

async function fileServiceRequest(deps: ServiceRequestDependencies, message: OutboxMessage, now: Date): Promise<void> {
    const ticket = await ticketOf(deps.db, message);
    if (ticket.serviceRequestId) return; // filed already: a repeated delivery does nothing
    const topics = await deps.client.supportTopics();
    let body;
    try {
        const topic = chooseSupportTopic(topics, { category: ticket.category, product: ticket.product, description: ticket.description }, deps.topicOverrides);
        if (!topic) throw new ServiceRequestInputError(`no support topic fits ${ticket.category}/${ticket.product}; set SUPPORT_TOPIC_OVERRIDES`);
        body = buildServiceRequest(ticket, { partner: deps.partner, topic });
    } catch (err) {
        if (err instanceof ServiceRequestInputError) throw new PermanentDeliveryError(`service request for ticket ${ticket.id}: ${err.message}`);
        throw err;
    }
    const filed = await deps.client.create(body, deps.agentLocale, requestIdFor(message.idempotencyKey));
    await deps.db.transaction().execute(async (trx) => {
        const tickets = new TicketRepository(trx);
        await tickets.setServiceRequest(ticket.id, filed, now, true);
        await tickets.addEvent(ticket.id, 'service-request-filed', { id: filed.id, status: filed.status, severity: body.Severity, supportTopicId: body.SupportTopicId }, now);
    });
    deps.logger.info({ component: 'serviceRequests', ticketId: ticket.id, serviceRequestId: filed.id, status: filed.status }, 'Microsoft service request filed');
}

async function refreshServiceRequest(deps: ServiceRequestDependencies, message: OutboxMessage, now: Date): Promise<void> {
    const ticket = await ticketOf(deps.db, message);
    if (!ticket.serviceRequestId) return; // nothing filed yet: nothing to refresh
    const current = await deps.client.get(ticket.serviceRequestId);
    await deps.db.transaction().execute(async (trx) => {
        const tickets = new TicketRepository(trx);
        const changed = current.status !== ticket.serviceRequestStatus;
        await tickets.setServiceRequest(ticket.id, current, now, changed);
        if (changed) await tickets.addEvent(ticket.id, 'service-request-status', { id: current.id, from: ticket.serviceRequestStatus, to: current.status }, now);
    });
}

async function ticketOf(db: Kysely<Database>, message: OutboxMessage): Promise<Ticket> {
    const payload = PayloadSchema.safeParse(message.payload);
    if (!payload.success) throw new PermanentDeliveryError(`${message.kind}: invalid payload`);
    const ticket = await new TicketRepository(db).findById(payload.data.ticketId);
    if (!ticket) throw new PermanentDeliveryError(`${message.kind}: ticket ${payload.data.ticketId} not found`);
    return ticket;
}

/** A stable MS-RequestId per outbox message, so a retried POST is recognised by Partner Center. */
export function requestIdFor(idempotencyKey: string): string {
    const h = createHash('sha256').update(idempotencyKey).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
