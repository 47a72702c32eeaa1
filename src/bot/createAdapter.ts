import { CallerIdConstants, type CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { LeanCloudAdapter } from './leanCloudAdapter';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { holdRepliesFirst } from './heldReplies';
import { StrictBotFrameworkAuthentication } from './strictAuthentication';
import { turnErrorHandler } from './turnErrorHandler';
import { turnTelemetry } from '../telemetry/turnTelemetry';

/** Public Azure endpoints, as botframework-connector's AuthenticationConstants has them. */
const PUBLIC_AZURE = {
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
};

/**
 * With BotOpenIdMetadata set, the SDK takes every endpoint as given, so the others keep the
 * public Azure values here; only where channel tokens' signing keys come from changes.
 */
function endpoints(openIdMetadata: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
    return {
        ...PUBLIC_AZURE,
        ToBotFromChannelOpenIdMetadataUrl: openIdMetadata,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ValidateAuthority: true,
    };
}

/**
 * The real CloudAdapter (with a leaner sender of replies: LeanCloudAdapter). With MicrosoftAppId set, every inbound request must carry a valid
 * Bot Framework JWT and replies carry a bearer token; without it, auth is off (local use).
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
    const options: ConfigurationBotFrameworkAuthenticationOptions = {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
        ...(config.BotOpenIdMetadata ? endpoints(config.BotOpenIdMetadata) : {}),
    };
    const adapter = new LeanCloudAdapter(new StrictBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(options)));
    adapter.onTurnError = turnErrorHandler(logger);
    // Around everything else: the turn's span and duration.
    adapter.use(turnTelemetry);
    // Next, so that later middleware (the transcript) sees only replies that were really sent.
    adapter.use(holdRepliesFirst);
    return adapter;
}
