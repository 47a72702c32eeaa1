import type { Kysely } from 'kysely';
import type { AppConfig } from '../config';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { Database } from '../store/schema';
import type { OutboxHandler, OutboxKind } from '../outbox/outboxTypes';
import { PartnerCenterClient } from './partnerCenterClient';
import type { Logger } from '../logger';
import { GraphServiceHealth, type ServiceHealthLookup } from './graphServiceHealth';
import { serviceRequestHandlers } from '../escalation/serviceRequests';
import { ClientCredentialsTokenSource, RefreshTokenSource } from './entraTokens';

/** Options that do not come from the environment. */
export interface ExternalServiceOptions {
    /** Extra certificate authority (PEM) trusted for AUTHORITY_HOST: a private CA, or the test server's. */
    authorityCa?: string;
}

const GRAPH_VARIABLES = ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'] as const;

/**
 * Microsoft 365 service health when GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET
 * are all set; otherwise undefined, said once in the log (a warning when only some are set).
 */
export function createServiceHealth(config: AppConfig, logger: Logger, options: ExternalServiceOptions = {}): ServiceHealthLookup | undefined {
    const missing = GRAPH_VARIABLES.filter((name) => !config[name]);
    if (missing.length === GRAPH_VARIABLES.length) {
        logger.info({ component: 'serviceHealth' }, 'service health check off: Microsoft Graph is not configured');
        return undefined;
    }
    if (missing.length > 0 || !config.GRAPH_TENANT_ID || !config.GRAPH_CLIENT_ID || !config.GRAPH_CLIENT_SECRET) {
        logger.warn({ component: 'serviceHealth', missing }, 'service health check off: Microsoft Graph is only partly configured');
        return undefined;
    }
    const tokens = new ClientCredentialsTokenSource({
        authorityHost: config.AUTHORITY_HOST,
        tenantId: config.GRAPH_TENANT_ID,
        clientId: config.GRAPH_CLIENT_ID,
        clientSecret: config.GRAPH_CLIENT_SECRET,
        ca: options.authorityCa,
    });
    return new GraphServiceHealth({ baseUrl: config.GRAPH_BASE_URL, tokens, logger });
}

const PARTNER_CENTER_VARIABLES = ['PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_CLIENT_SECRET', 'PARTNER_CENTER_REFRESH_TOKEN'] as const;

/**
 * The outbox handlers that file and refresh Microsoft service requests, when the four
 * PARTNER_CENTER_* credentials are set; otherwise none, said once in the log.
 */
export function createServiceRequestHandlers(
    config: AppConfig,
    db: Kysely<Database>,
    partner: PartnerProfile,
    logger: Logger,
    options: ExternalServiceOptions = {},
): Partial<Record<OutboxKind, OutboxHandler>> {
    const missing = PARTNER_CENTER_VARIABLES.filter((name) => !config[name]);
    if (missing.length > 0 || !config.PARTNER_CENTER_TENANT_ID || !config.PARTNER_CENTER_CLIENT_ID || !config.PARTNER_CENTER_CLIENT_SECRET || !config.PARTNER_CENTER_REFRESH_TOKEN) {
        const partly = missing.length < PARTNER_CENTER_VARIABLES.length;
        const log = partly ? logger.warn.bind(logger) : logger.info.bind(logger);
        log({ component: 'serviceRequests', ...(partly ? { missing } : {}) }, `Microsoft service requests off: Partner Center is ${partly ? 'only partly ' : 'not '}configured`);
        return {};
    }
    const tokens = new RefreshTokenSource(
        { authorityHost: config.AUTHORITY_HOST, tenantId: config.PARTNER_CENTER_TENANT_ID, clientId: config.PARTNER_CENTER_CLIENT_ID, clientSecret: config.PARTNER_CENTER_CLIENT_SECRET, ca: options.authorityCa },
        config.PARTNER_CENTER_REFRESH_TOKEN,
    );
    const client = new PartnerCenterClient({ baseUrl: config.PARTNER_CENTER_BASE_URL, tokens });
    return serviceRequestHandlers({ db, client, partner, agentLocale: config.PARTNER_CENTER_LOCALE, topicOverrides: config.SUPPORT_TOPIC_OVERRIDES, logger });
}
