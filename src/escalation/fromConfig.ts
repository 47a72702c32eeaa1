import type { AppConfig } from '../config';
import { GraphServiceHealth, type ServiceHealthLogger, type ServiceHealthLookup } from './serviceHealth';
import { ClientCredentialsTokenSource } from './tokens';

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
export function createServiceHealth(config: AppConfig, logger: ServiceHealthLogger, options: ExternalServiceOptions = {}): ServiceHealthLookup | undefined {
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
