import type { Activity } from 'botbuilder';
import {
    AuthenticationError,
    BotFrameworkAuthentication,
    type AuthenticateRequestResult,
    type BotFrameworkClient,
    type ClaimsIdentity,
    type ConnectorFactory,
    type UserTokenClient,
} from 'botframework-connector';

/** jsonwebtoken's errors for a token that is malformed, badly signed or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function asAuthenticationError(err: unknown): unknown {
    if (err instanceof AuthenticationError || !(err instanceof Error) || !TOKEN_ERRORS.has(err.name)) return err;
    return new AuthenticationError(`Unauthorized. ${err.name}`, 401);
}

/**
 * The SDK's authentication, except that a token the SDK refuses with one of jsonwebtoken's own
 * errors (a bad signature under a known key id, a cut-off signature) is an AuthenticationError,
 * so the CloudAdapter answers 401 instead of 500.
 */
export class StrictBotFrameworkAuthentication extends BotFrameworkAuthentication {
    constructor(private readonly inner: BotFrameworkAuthentication) {
        super();
    }

    override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        try {
            return await this.inner.authenticateRequest(activity, authHeader);
        } catch (err) {
            throw asAuthenticationError(err);
        }
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
        return this.inner.createConnectorFactory(claimsIdentity);
    }

    override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
        return this.inner.createUserTokenClient(claimsIdentity);
    }

    override createBotFrameworkClient(): BotFrameworkClient {
        return this.inner.createBotFrameworkClient();
    }

    override getOriginatingAudience(): string {
        return this.inner.getOriginatingAudience();
    }
}
