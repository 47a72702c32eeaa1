import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { holdRepliesFirst } from './heldReplies';
import { turnErrorHandler } from './turnErrorHandler';

/**
 * The real CloudAdapter. With MicrosoftAppId set, every inbound request must carry a valid
 * Bot Framework JWT and replies carry a bearer token; without it, auth is off (local use).
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
    const options: ConfigurationBotFrameworkAuthenticationOptions = {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    };
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
    adapter.onTurnError = turnErrorHandler(logger);
    // First, so that later middleware (the transcript) sees only replies that were really sent.
    adapter.use(holdRepliesFirst);
    return adapter;
}
