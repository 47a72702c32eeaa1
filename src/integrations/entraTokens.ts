/**
 * Access tokens from Microsoft Entra ID for the APIs the bot calls on the partner's behalf.
 *
 * - Microsoft Graph: app-only (client credentials) through `@azure/identity`'s
 *   ClientSecretCredential, which caches the token until shortly before it expires.
 * - Partner Center: App+User, redeeming the partner's refresh token through
 *   `@azure/msal-node` (ConfidentialClientApplication.acquireTokenByRefreshToken); the
 *   access token is cached here until five minutes before it expires.
 *
 * Both libraries insist on an https authority. `ca` trusts an extra certificate authority for
 * that endpoint (a private CA, or the self-signed test server).
 */
import https from 'node:https';
import { ClientSecretCredential } from '@azure/identity';
import { ConfidentialClientApplication } from '@azure/msal-node';

/** Hands out bearer tokens for one API. */
export interface TokenSource {
    /** A bearer token; `forceRefresh` skips any cache (after the API answered 401). Throws TokenError. */
    getToken(options?: { forceRefresh?: boolean; signal?: AbortSignal }): Promise<string>;
}

/** A token could not be had; `permanent` when retrying will not help (bad secret, expired refresh token). */
export class TokenError extends Error {
    constructor(
        message: string,
        readonly permanent: boolean,
    ) {
        super(message);
        this.name = 'TokenError';
    }
}

/** Where and as whom to ask for tokens. */
export interface AuthorityOptions {
    /** e.g. https://login.microsoftonline.com */
    authorityHost: string;
    tenantId: string;
    clientId: string;
    clientSecret: string;
    /** Extra trusted certificate authority (PEM) for the authority host. */
    ca?: string;
    /** Upper bound for one token request, in ms. Default 10 s. */
    timeoutMs?: number;
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

/** Public-cloud and national-cloud hosts MSAL knows; others skip instance discovery. */
const KNOWN_AUTHORITY_HOSTS = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn']);

/** OAuth error codes that a retry cannot fix. */
const PERMANENT_CODES = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'invalid_scope', 'invalid_request', 'interaction_required', 'consent_required']);

const REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

/** App-only tokens for Microsoft Graph (client credentials grant). */
export class ClientCredentialsTokenSource implements TokenSource {
    private readonly credential: ClientSecretCredential;
    private readonly timeoutMs: number;

    constructor(
        options: AuthorityOptions,
        private readonly scope: string = GRAPH_SCOPE,
    ) {
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.credential = new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret, {
            authorityHost: options.authorityHost,
            disableInstanceDiscovery: !isKnownAuthority(options.authorityHost),
            ...(options.ca ? { agent: new https.Agent({ ca: options.ca }) } : {}),
            retryOptions: { maxRetries: 0 },
        });
    }

    async getToken(options: { signal?: AbortSignal } = {}): Promise<string> {
        const token = await withTimeout(this.timeoutMs, options.signal, (abortSignal) => this.credential.getToken(this.scope, { abortSignal }));
        if (!token) throw new TokenError('ClientCredentialsTokenSource.getToken(): no token returned', false);
        return token.token;
    }
}

/** App+User tokens for Partner Center from the partner's refresh token. */
export class RefreshTokenSource implements TokenSource {
    private readonly app: ConfidentialClientApplication;
    private readonly timeoutMs: number;
    private cached?: { token: string; expiresAt: number };
    private inFlight?: Promise<string>;

    constructor(
        options: AuthorityOptions,
        private readonly refreshToken: string,
        private readonly scopes: string[] = [PARTNER_CENTER_SCOPE],
    ) {
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const host = new URL(options.authorityHost).host;
        this.app = new ConfidentialClientApplication({
            auth: {
                clientId: options.clientId,
                clientSecret: options.clientSecret,
                authority: `${options.authorityHost.replace(/\/+$/, '')}/${options.tenantId}`,
                ...(isKnownAuthority(options.authorityHost) ? {} : { knownAuthorities: [host] }),
            },
            system: options.ca ? { customAgentOptions: { ca: options.ca } } : {},
        });
    }

    async getToken(options: { forceRefresh?: boolean; signal?: AbortSignal } = {}): Promise<string> {
        if (!options.forceRefresh && this.cached && Date.now() < this.cached.expiresAt - REFRESH_MARGIN_MS) return this.cached.token;
        if (options.forceRefresh) this.cached = undefined;
        this.inFlight ??= this.redeem(options.signal).finally(() => (this.inFlight = undefined));
        return this.inFlight;
    }

    private async redeem(signal: AbortSignal | undefined): Promise<string> {
        // MSAL's POST has no timeout of its own: the race below bounds it.
        const result = await withTimeout(this.timeoutMs, signal, () => this.app.acquireTokenByRefreshToken({ refreshToken: this.refreshToken, scopes: this.scopes }));
        if (!result?.accessToken) throw new TokenError('RefreshTokenSource.getToken(): no access token returned', false);
        this.cached = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + REFRESH_MARGIN_MS };
        return result.accessToken;
    }
}

function isKnownAuthority(authorityHost: string): boolean {
    return KNOWN_AUTHORITY_HOSTS.has(new URL(authorityHost).hostname.toLowerCase());
}

/** Runs `work` bounded by `timeoutMs` and the caller's signal; every failure becomes a TokenError. */
async function withTimeout<T>(timeoutMs: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new TokenError('token request timed out or was cancelled', false));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([work(signal), aborted]);
    } catch (err) {
        throw toTokenError(err);
    } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
    }
}

/** Maps MSAL and @azure/identity errors to a TokenError, keeping the OAuth error code only. */
function toTokenError(err: unknown): TokenError {
    if (err instanceof TokenError) return err;
    const e = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
    const response = typeof e.errorResponse === 'object' && e.errorResponse !== null ? (e.errorResponse as Record<string, unknown>) : {};
    const code = [e.errorCode, response.error, e.code].find((c): c is string => typeof c === 'string' && c.length > 0) ?? 'unknown';
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const permanent = PERMANENT_CODES.has(code) || status === 400 || status === 401;
    return new TokenError(`token request failed: ${code}${status ? ` (HTTP ${status})` : ''}`, permanent);
}
