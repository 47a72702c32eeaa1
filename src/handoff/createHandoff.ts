import type { CloudAdapter } from 'botbuilder';
import type { DateTime } from 'luxon';
import { agentsTrusted, authEnabled, type AppConfig } from '../config';
import type { Logger } from '../logger';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { OpenDatabase } from '../store/database';
import type { TicketRepository } from '../store/ticketRepository';
import type { HandoffParts } from '../bot/supportBot';
import { AgentDesk, type EscalateToMicrosoft, type FailedDeliveries } from './agentDesk';
import { AgentActionRepository } from './agentActionRepository';
import { AgentDirectory } from './agentDirectory';
import { HandoffService } from './handoffService';
import { HandoffStore, SettingsStore, TranscriptStore } from './handoffStore';
import { Messenger } from './messenger';

export interface HandoffWiring {
    adapter: CloudAdapter;
    database: OpenDatabase;
    tickets: TicketRepository;
    partner: PartnerProfile;
    now: () => DateTime;
    escalate?: EscalateToMicrosoft;
    failed?: FailedDeliveries;
}

/** Builds the takeover parts from configuration (agents, agents' channel, timeouts, agent hub). */
export function createHandoff(config: AppConfig, logger: Logger, wiring: HandoffWiring): HandoffParts {
    const { db } = wiring.database;
    if (!wiring.partner.tenantId && (config.AGENT_AAD_OBJECT_IDS.length > 0 || config.AGENT_ADMIN_AAD_OBJECT_IDS.length > 0)) {
        logger.warn('agents are configured but the partner tenant id is not (PARTNER_TENANT_ID): nobody can act as an agent');
    }
    const trusted = agentsTrusted(config);
    if (!trusted && wiring.partner.tenantId) logger.warn('Bot Framework authentication is off (no MicrosoftAppId): nobody can act as an agent (ALLOW_AGENTS_WITHOUT_AUTH=true allows it for local testing)');
    if (trusted && !authEnabled(config)) logger.warn('ALLOW_AGENTS_WITHOUT_AUTH=true: anyone who reaches /api/messages can claim to be an agent; for local testing only');
    const agents = new AgentDirectory(db, { partnerTenantId: wiring.partner.tenantId, agentIds: config.AGENT_AAD_OBJECT_IDS, adminIds: config.AGENT_ADMIN_AAD_OBJECT_IDS, trusted });
    const service = new HandoffService({
        store: new HandoffStore(db),
        transcript: new TranscriptStore(db),
        settings: new SettingsStore(db),
        agents,
        actions: new AgentActionRepository(db),
        tickets: wiring.tickets,
        partner: wiring.partner,
        messenger: new Messenger(wiring.adapter, config.MicrosoftAppId ?? '', logger),
        logger,
        now: wiring.now,
        options: {
            waitTimeoutMinutes: config.HANDOFF_WAIT_TIMEOUT_MINUTES,
            hubChannels: new Set(config.HANDOFF_HUB_CHANNELS),
            agentsChannel: config.AGENTS_CHANNEL_ID ? { conversationId: config.AGENTS_CHANNEL_ID, serviceUrl: config.AGENTS_SERVICE_URL, tenantId: wiring.partner.tenantId } : undefined,
        },
    });
    return { service, desk: new AgentDesk(service, wiring.escalate, wiring.failed), agents };
}
