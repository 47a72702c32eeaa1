import type { Activity } from 'botbuilder';
import {
    AuthenticationError,
    BotFrameworkAuthentication,
    type AuthenticateRequestResult,
    type BotFrameworkClient,
    type ClaimsIdentity,
    type ConnectorClient,
    ConnectorFactory,
    JwtTokenValidation,
    type UserTokenClient,
} from 'botframework-connector';

/** jsonwebtoken's errors for a token that is malformed, badly signed or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function asAuthenticationError(err: unknown): unknown {
    if (err instanceof AuthenticationError || !(err instanceof Error) || !TOKEN_ERRORS.has(err.name)) return err;
    return new AuthenticationError(`Unauthorized. ${err.name}`, 401);
}

/** Who the claims say called and whom for (both '' when authentication is off): what a connector's credentials depend on. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
    return `${claimsIdentity.getClaimValue('aud') ?? ''}|${JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? ''}`;
}

/** Connector clients kept per bot, channel and audience (a handful in practice; bounded all the same). */
const MAX_CONNECTORS = 100;

/**
 * The SDK's connector factory, except that a client once made for a bot, a channel's service
 * URL and an audience is made again only when it failed: the SDK builds a new client (its
 * credentials and request pipeline) for every turn, while one client serves them all (its
 * token is cached and refreshed by the credentials).
 */
class ReusedConnectors extends ConnectorFactory {
    constructor(
        private readonly inner: ConnectorFactory,
        private readonly appId: string,
        private readonly clients: Map<string, Promise<ConnectorClient>>,
    ) {
        super();
    }

    override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = `${this.appId}|${serviceUrl}|${audience ?? ''}`;
        let client = this.clients.get(key);
        if (!client) {
            client = this.inner.create(serviceUrl, audience);
            client.catch(() => this.clients.delete(key));
            if (this.clients.size >= MAX_CONNECTORS) this.clients.delete(this.clients.keys().next().value as string);
            this.clients.set(key, client);
        }
        return client;
    }
}

/**
 * The SDK's authentication, except that a token the SDK refuses with one of jsonwebtoken's own
 * errors (a bad signature under a known key id, a cut-off signature) is an AuthenticationError,
 * so the CloudAdapter answers 401 instead of 500; and connector clients are reused (ReusedConnectors).
 */
export class StrictBotFrameworkAuthentication extends BotFrameworkAuthentication {
    private readonly connectors = new Map<string, Promise<ConnectorClient>>();
    private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

    constructor(private readonly inner: BotFrameworkAuthentication) {
        super();
    }

    override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        let result: AuthenticateRequestResult;
        try {
            result = await this.inner.authenticateRequest(activity, authHeader);
        } catch (err) {
            throw asAuthenticationError(err);
        }
        return result.connectorFactory ? { ...result, connectorFactory: this.reused(result.connectorFactory, result.claimsIdentity) } : result;
    }

    override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
        try {
            return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
        } catch (err) {
            throw asAuthenticationError(err);
        }
    }

    override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
        try {
            return await this.inner.authenticateChannelRequest(authHeader);
        } catch (err) {
            throw asAuthenticationError(err);
        }
    }

    override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
        return this.reused(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
    }

    /** One user-token client per bot, as for connectors (the SDK builds one, with its pipeline, every turn). */
    override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
        const appId = appIdOf(claimsIdentity);
        let client = this.userTokenClients.get(appId);
        if (!client) {
            client = this.inner.createUserTokenClient(claimsIdentity);
            client.catch(() => this.userTokenClients.delete(appId));
            if (this.userTokenClients.size >= MAX_CONNECTORS) this.userTokenClients.clear();
            this.userTokenClients.set(appId, client);
        }
        return client;
    }

    private reused(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
        return new ReusedConnectors(factory, appIdOf(claimsIdentity), this.connectors);
    }

    override createBotFrameworkClient(): BotFrameworkClient {
        return this.inner.createBotFrameworkClient();
    }

    override getOriginatingAudience(): string {
        return this.inner.getOriginatingAudience();
    }
}
