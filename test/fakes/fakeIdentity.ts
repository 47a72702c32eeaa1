import { createHash, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificate } from './selfSignedCert';

/** An app registration the fake knows, with the refresh token an agent's sign-in would have produced. */
export interface FakeApp {
    tenantId: string;
    clientId: string;
    clientSecret: string;
    refreshToken?: string;
}

/** A person as Entra ID would sign them in: tenant, object id, display name. */
export interface FakeUser {
    tid: string;
    oid: string;
    name: string;
}

/** Claims of an ID or access token the fake signs (RS256, with its published key). */
export interface FakeTokenClaims {
    tid: string;
    oid: string;
    aud: string;
    name?: string;
    nonce?: string;
    /** Default: this authority's v2.0 issuer for `tid`. */
    iss?: string;
    /** Seconds from now; negative for a token that has expired. */
    expiresIn?: number;
}

/** How the token endpoint behaves for the next requests. */
export type FakeIdentityMode = 'ok' | 'invalid_grant' | '500' | 'hang';

export interface RecordedTokenRequest {
    tenant: string;
    grantType: string;
    clientId: string;
    scope: string;
}

/**
 * A local stand-in for the Microsoft Entra ID v2.0 endpoints MSAL and @azure/identity call,
 * over https with a throw-away self-signed certificate (both libraries refuse http):
 * GET /{tenant}/v2.0/.well-known/openid-configuration and POST /{tenant}/oauth2/v2.0/token
 * (form body; grant_type client_credentials with a `.default` scope, or refresh_token).
 * Answers { token_type, expires_in, access_token, ... } or the AADSTS error shape. The
 * access tokens are opaque; the fake Graph and Partner Center servers ask it whether a token
 * is valid for their audience.
 */
export class FakeIdentity {
    mode: FakeIdentityMode = 'ok';
    expiresInSeconds = 3600;
    readonly tokenRequests: RecordedTokenRequest[] = [];
    private readonly apps: FakeApp[] = [];
    private readonly issued = new Map<string, { audience: string; expiresAt: number }>();
    private server?: https.Server;
    private readonly signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
    readonly keyId = randomUUID();
    /** Who signs in at the authorize endpoint (the browser sign-in); undefined: nobody, the request is refused. */
    signInAs?: FakeUser;
    private readonly codes = new Map<string, { user: FakeUser; clientId: string; redirectUri: string; challenge: string; nonce: string }>();

    register(app: FakeApp): this {
        this.apps.push(app);
        return this;
    }

    /** Starts the server; returns the authority host (https://127.0.0.1:port). */
    async start(): Promise<string> {
        const { key, cert } = testCertificate();
        this.server = https.createServer({ key, cert }, (req, res) => this.handle(req, res));
        await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
        return this.authorityHost;
    }

    get authorityHost(): string {
        const { port } = this.server?.address() as AddressInfo;
        return `https://127.0.0.1:${port}`;
    }

    /** The certificate clients must trust. */
    get ca(): string {
        return testCertificate().cert;
    }

    async stop(): Promise<void> {
        const server = this.server;
        if (!server) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        this.server = undefined;
    }

    /** True when `authorization` is "Bearer <token>" with a live token for `audience`. */
    accepts(authorization: string | undefined, audience: string): boolean {
        const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
        const entry = token ? this.issued.get(token) : undefined;
        return !!entry && entry.audience === audience && entry.expiresAt > Date.now();
    }

    /** A JWT signed with the published key, as Entra ID issues ID tokens and Teams SSO access tokens. */
    signToken(claims: FakeTokenClaims): string {
        const { expiresIn = 3600, iss, ...rest } = claims;
        const now = Math.floor(Date.now() / 1000);
        const payload = { iss: iss ?? `${this.authorityHost}/${claims.tid}/v2.0`, iat: now - 60, nbf: now - 60, exp: now + expiresIn, ver: '2.0', ...rest };
        const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        const input = `${b64({ typ: 'JWT', alg: 'RS256', kid: this.keyId })}.${b64(payload)}`;
        return `${input}.${createSign('RSA-SHA256').update(input).sign(this.signingKey.privateKey).toString('base64url')}`;
    }

    /** Invalidates every token issued so far (as if they expired or were revoked). */
    revokeAll(): void {
        this.issued.clear();
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const url = new URL(req.url ?? '/', this.authorityHost);
            const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
            if (req.method === 'GET' && discovery?.[1]) return send(res, 200, this.openIdConfiguration(discovery[1]));
            if (req.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(url.pathname)) {
                const jwk = this.signingKey.publicKey.export({ format: 'jwk' });
                return send(res, 200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, n: jwk.n, e: jwk.e }] });
            }
            if (req.method === 'GET' && /^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(url.pathname)) return this.authorize(url, res);
            const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
            if (req.method === 'POST' && token?.[1]) return this.token(token[1], new URLSearchParams(Buffer.concat(chunks).toString('utf8')), res);
            send(res, 404, { error: 'not_found' });
        });
    }

    private openIdConfiguration(tenant: string): Record<string, unknown> {
        const base = `${this.authorityHost}/${tenant}`;
        return {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            issuer: `${base}/v2.0`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        };
    }

    private token(tenant: string, form: URLSearchParams, res: http.ServerResponse): void {
        const grantType = form.get('grant_type') ?? '';
        const clientId = form.get('client_id') ?? '';
        const scope = form.get('scope') ?? '';
        this.tokenRequests.push({ tenant, grantType, clientId, scope });
        if (this.mode === 'hang') return;
        if (this.mode === '500') return send(res, 500, aadError('temporarily_unavailable', 'AADSTS90033: A transient error has occurred. Please try again.', 90033));
        const app = this.apps.find((a) => a.clientId === clientId && a.tenantId === tenant);
        if (!app || form.get('client_secret') !== app.clientSecret) {
            return send(res, 401, aadError('invalid_client', 'AADSTS7000215: Invalid client secret provided.', 7000215));
        }
        if (grantType === 'authorization_code') {
            const pending = this.codes.get(form.get('code') ?? '');
            this.codes.delete(form.get('code') ?? '');
            const verifier = form.get('code_verifier') ?? '';
            if (!pending || pending.clientId !== clientId || pending.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
                return send(res, 400, aadError('invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired or is invalid.', 70008));
            }
            const idToken = this.signToken({ tid: pending.user.tid, oid: pending.user.oid, name: pending.user.name, aud: clientId, nonce: pending.nonce });
            return send(res, 200, { token_type: 'Bearer', expires_in: 3600, id_token: idToken, access_token: `fake-at-${randomUUID()}`, scope: 'openid profile' });
        }
        if (grantType === 'client_credentials') {
            if (!/\/\.default$/.test(scope)) return send(res, 400, aadError('invalid_scope', 'AADSTS1002012: The provided value for scope is not valid.', 1002012));
            return send(res, 200, this.issue(audienceOf(scope), false));
        }
        if (grantType === 'refresh_token') {
            if (this.mode === 'invalid_grant' || !app.refreshToken || form.get('refresh_token') !== app.refreshToken) {
                return send(res, 400, aadError('invalid_grant', 'AADSTS700082: The refresh token has expired due to inactivity.', 700082));
            }
            const resource = scope.split(' ').find((s) => s.startsWith('https://'));
            if (!resource) return send(res, 400, aadError('invalid_scope', 'AADSTS70011: The provided value for the input parameter scope is not valid.', 70011));
            return send(res, 200, this.issue(audienceOf(resource), true));
        }
        send(res, 400, aadError('unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.', 70003));
    }

    /** The authorize endpoint: signs `signInAs` in at once and sends the browser back with a code (PKCE S256 required). */
    private authorize(url: URL, res: http.ServerResponse): void {
        const q = url.searchParams;
        const redirectUri = q.get('redirect_uri') ?? '';
        if (!this.signInAs || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !redirectUri) {
            return send(res, 400, aadError('invalid_request', 'AADSTS900144: The request body must contain the following parameter.', 900144));
        }
        const code = `fake-code-${randomUUID()}`;
        this.codes.set(code, { user: this.signInAs, clientId: q.get('client_id') ?? '', redirectUri, challenge: q.get('code_challenge') ?? '', nonce: q.get('nonce') ?? '' });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.statusCode = 302;
        res.setHeader('location', back.toString());
        res.end();
    }

    private issue(audience: string, withRefreshToken: boolean): Record<string, unknown> {
        const accessToken = `fake-at-${randomUUID()}`;
        this.issued.set(accessToken, { audience, expiresAt: Date.now() + this.expiresInSeconds * 1000 });
        return {
            token_type: 'Bearer',
            expires_in: this.expiresInSeconds,
            ext_expires_in: this.expiresInSeconds,
            access_token: accessToken,
            ...(withRefreshToken ? { refresh_token: `fake-rt-${randomUUID()}`, scope: `${audience}/user_impersonation` } : {}),
        };
    }
}

function audienceOf(scope: string): string {
    return new URL(scope).origin;
}

function aadError(error: string, description: string, code: number): Record<string, unknown> {
    return { error, error_description: description, error_codes: [code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() };
}

// restify patches http.ServerResponse globally: set status and headers, then end (no chaining).
function send(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
}
