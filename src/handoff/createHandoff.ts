import type { CloudAdapter } from 'botbuilder';
import type { DateTime } from 'luxon';
import { agentsTrusted, authEnabled, type AppConfig } from '../config';
import type { Logger } from '../logger';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { OpenDatabase } from '../store/database';
import { SettingsRepository } from '../store/settingsRepository';
import type { TicketRepository } from '../store/ticketRepository';
import type { TicketActions } from '../tickets/ticketActions';
import { TranscriptRepository } from '../transcript/transcriptRepository';
import { AgentActionRepository } from './agentActionRepository';
import { AgentChatRepository } from './agentChatRepository';
import { AgentDirectory } from './agentDirectory';
import { AgentHub } from './agentHub';
import { AgentRepository } from './agentRepository';
import { AgentsChannel } from './agentsChannel';
import { CannedResponses } from './cannedResponses';
import { CustomerQueue } from './customerQueue';
import { CustomerSide } from './customerSide';
import { AgentDesk } from './desk/agentDesk';
import type { EscalateToMicrosoft, FailedDeliveries } from './desk/desk';
import type { HandoffContext } from './handoffContext';
import { HandoffRepository } from './handoffRepository';
import { Handoffs } from './handoffs';
import { Messenger } from '../channels/messenger';
import { Rating } from './rating';
import { Relay } from './relay';

export interface HandoffWiring {
    adapter: CloudAdapter;
    database: OpenDatabase;
    tickets: TicketRepository;
    work: TicketActions;
    partner: PartnerProfile;
    now: () => DateTime;
    escalate?: EscalateToMicrosoft;
    failed?: FailedDeliveries;
}

/** Builds the takeover from configuration (agents, agents' channel, timeouts, agent hub). */
export function createHandoff(config: AppConfig, logger: Logger, wiring: HandoffWiring): Handoffs {
    const { db } = wiring.database;
    if (!wiring.partner.tenantId && (config.AGENT_AAD_OBJECT_IDS.length > 0 || config.AGENT_ADMIN_AAD_OBJECT_IDS.length > 0)) {
        logger.warn('agents are configured but the partner tenant id is not (PARTNER_TENANT_ID): nobody can act as an agent');
    }
    const trusted = agentsTrusted(config);
    if (!trusted && wiring.partner.tenantId) logger.warn('Bot Framework authentication is off (no MicrosoftAppId): nobody can act as an agent (ALLOW_AGENTS_WITHOUT_AUTH=true allows it for local testing)');
    if (trusted && !authEnabled(config)) logger.warn('ALLOW_AGENTS_WITHOUT_AUTH=true: anyone who reaches /api/messages can claim to be an agent; for local testing only');
    const ctx: HandoffContext = {
        handoffs: new HandoffRepository(db),
        transcript: new TranscriptRepository(db),
        settings: new SettingsRepository(db),
        agents: new AgentDirectory(new AgentRepository(db), new AgentChatRepository(db), { partnerTenantId: wiring.partner.tenantId, agentIds: config.AGENT_AAD_OBJECT_IDS, adminIds: config.AGENT_ADMIN_AAD_OBJECT_IDS, trusted }),
        actions: new AgentActionRepository(db),
        tickets: wiring.tickets,
        work: wiring.work,
        partner: wiring.partner,
        messenger: new Messenger(wiring.adapter, config.MicrosoftAppId ?? '', logger),
        logger,
        now: wiring.now,
        options: {
            waitTimeoutMinutes: config.HANDOFF_WAIT_TIMEOUT_MINUTES,
            alertShare: config.DUE_ALERT_PERCENT / 100,
            maxChatsPerAgent: config.AGENT_MAX_CHATS,
            cannedResponses: CannedResponses.fromFile(config.CANNED_RESPONSES_FILE),
            hubChannels: new Set(config.HANDOFF_HUB_CHANNELS),
            agentsChannel: config.AGENTS_CHANNEL_ID ? { conversationId: config.AGENTS_CHANNEL_ID, serviceUrl: config.AGENTS_SERVICE_URL, tenantId: wiring.partner.tenantId } : undefined,
        },
    };
    const channel = new AgentsChannel(ctx);
    const relay = new Relay(ctx);
    const rating = new Rating(ctx, relay, channel);
    const queue = new CustomerQueue(ctx, channel, relay);
    const hub = new AgentHub(ctx, queue);
    const customers = new CustomerSide(ctx, queue, hub, relay, rating);
    const desk = new AgentDesk({ ctx, channel, queue, relay, rating, escalate: wiring.escalate, failed: wiring.failed });
    return new Handoffs({ ctx, customers, queue, hub, channel, desk, relay });
}
