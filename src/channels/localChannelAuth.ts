import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Activity } from 'botbuilder';
import {
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorClient,
    ConnectorFactory,
    MicrosoftAppCredentials,
    type AuthenticateRequestResult,
} from 'botframework-connector';

/** The header the built-in Direct Line authenticates itself with on /api/messages. */
export const LOCAL_CHANNEL_HEADER = 'x-local-direct-line';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** ConnectorClients for the built-in Direct Line's connector only, sending no token (it lives in this process). */
class LocalConnectorFactory extends ConnectorFactory {
    constructor(private readonly isLocal: (serviceUrl: string) => boolean) {
        super();
    }

    override async create(serviceUrl: string): Promise<ConnectorClient> {
        if (!this.isLocal(serviceUrl)) throw new Error('LocalConnectorFactory.create(): not the built-in Direct Line connector');
        return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
    }
}

/**
 * How the built-in Direct Line and /api/messages trust each other without a Bot Framework
 * token (which only Azure Bot Service can issue): a random secret per process, sent in a
 * header on the loopback call. An activity that carries it, comes from the directline channel
 * and asks for replies at the built-in connector's (secret) path runs with the bot's own
 * identity, replying through that connector without a token. Anything else goes through the
 * usual Bot Framework authentication.
 */
export class LocalChannelAuthentication {
    private readonly secret = randomBytes(32).toString('base64url');

    constructor(
        private readonly appId: string,
        private readonly connectorPath: string,
    ) {}

    /** Headers for the built-in Direct Line's calls to /api/messages. */
    headers(): Record<string, string> {
        return { [LOCAL_CHANNEL_HEADER]: this.secret };
    }

    /** The authentication of a request from the built-in Direct Line, or undefined for any other request. */
    authenticate(headers: IncomingHttpHeaders, activity: Partial<Activity>): AuthenticateRequestResult | undefined {
        const given = headers[LOCAL_CHANNEL_HEADER];
        if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(this.secret))) return undefined;
        if (activity.channelId !== 'directline' || !this.isLocal(activity.serviceUrl ?? '')) return undefined;
        return {
            audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
            // The bot's own identity, as the SDK builds it for a named pipe (no network authentication).
            claimsIdentity: new ClaimsIdentity([
                { type: AuthenticationConstants.AudienceClaim, value: this.appId },
                { type: AuthenticationConstants.AppIdClaim, value: this.appId },
            ]),
            connectorFactory: new LocalConnectorFactory((url) => this.isLocal(url)),
        };
    }

    private isLocal(serviceUrl: string): boolean {
        return URL.canParse(serviceUrl) && new URL(serviceUrl).pathname.replace(/\/$/, '') === this.connectorPath;
    }
}
