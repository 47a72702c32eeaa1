import type { Kysely } from 'kysely';
import type { AppConfig } from '../config';
import type { AgentIdentity } from '../handoff/agentDirectory';
import type { EscalateToMicrosoft } from '../handoff/desk/desk';
import { deskTranslator } from '../i18n/i18n';
import type { Logger } from '../logger';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { Database } from '../store/schema';
import type { TicketHooks } from '../store/ticketRepository';
import { createServiceRequestHandlers, type ExternalServiceOptions } from '../integrations/createIntegrations';
import { OutboxRepository } from '../outbox/outboxRepository';
import { createOutboxWorker } from '../outbox/createOutboxWorker';
import type { OutboxKind } from '../outbox/outboxTypes';
import type { OutboxWorker } from '../outbox/outboxWorker';
import { autoServiceRequest, requestServiceRequest, scheduleStatusRefreshes, type OutboxWriter } from './serviceRequests';
import { ticketOutboxHooks } from './ticketOutbox';

/** How often filed Microsoft service requests have their status refreshed. */
const STATUS_REFRESH_MS = 15 * 60_000;

export interface Escalation {
    outbox: OutboxWorker;
    /** TicketRepository hooks: webhooks, agent notice and (if enabled) Severity A service requests, in the ticket's transaction. */
    ticketHooks: TicketHooks;
    /** The agents' "Escalate to Microsoft"; undefined without Partner Center credentials. */
    escalate?: EscalateToMicrosoft;
    /** Starts periodic status refreshes; returns the stop function. */
    startRefreshes(): () => void;
}

/**
 * The outbox worker with every delivery handler this configuration supports (webhooks,
 * Partner Center), and the hooks and actions that write to it.
 */
export function createEscalation(config: AppConfig, logger: Logger, db: Kysely<Database>, partner: PartnerProfile, options: ExternalServiceOptions): Escalation {
    const outbox = createOutboxWorker(config, logger, db);
    const handlers = createServiceRequestHandlers(config, db, partner, logger, options);
    for (const [kind, handler] of Object.entries(handlers)) outbox.handle(kind as OutboxKind, handler);
    const partnerCenter = 'service-request' in handlers;
    const writer: OutboxWriter = {
        enqueue: async (trx, entry) => {
            await new OutboxRepository(trx).enqueue([{ ...entry, payload: entry.payload as object }]);
        },
    };
    const ticketHooks = ticketOutboxHooks({
        webhookUrls: config.WEBHOOK_URLS,
        committed: () => outbox.kick(),
        extra: (change) => {
            const auto = partnerCenter && change.type === 'created' ? autoServiceRequest(change.ticket, config) : undefined;
            return auto ? [{ ...auto, payload: auto.payload as object }] : [];
        },
    });
    const escalate: EscalateToMicrosoft = async (ticketId: number, agent: AgentIdentity) => {
        const result = await db.transaction().execute((trx) => requestServiceRequest(trx, writer, ticketId, agent.aadObjectId));
        outbox.kick();
        const t = deskTranslator();
        if (result === 'already-filed') return { text: t('escalation.alreadyFiled'), queued: false };
        if (result === 'not-found') return { text: t('escalation.notFound'), queued: false };
        return { text: t('escalation.queued'), queued: true };
    };
    return {
        outbox,
        ticketHooks,
        escalate: partnerCenter ? escalate : undefined,
        startRefreshes: () => (partnerCenter ? scheduleStatusRefreshes(db, writer, STATUS_REFRESH_MS, logger) : () => undefined),
    };
}
