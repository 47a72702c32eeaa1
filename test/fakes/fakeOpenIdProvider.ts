import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** Claims of a Bot Framework channel token (what Azure Bot Service sends the bot). */
export interface ChannelTokenClaims {
    iss?: string;
    aud?: string;
    serviceurl?: string;
    /** Seconds from now; negative for a token that has expired. */
    expiresIn?: number;
    [claim: string]: unknown;
}

/**
 * The Bot Framework's token-signing side, as botframework-connector's OpenIdMetadata reads it:
 * GET /v1/.well-known/openidconfiguration → { issuer, jwks_uri, ... } and GET jwks_uri →
 * { keys: [{ kty, use, kid, n, e, endorsements }] }. Signs channel tokens (RS256) with its own
 * key; `forge` signs with a key it does not publish, under the published key id.
 */
export class FakeOpenIdProvider {
    readonly keyId = randomUUID();
    private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
    private readonly stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    private server?: http.Server;
    /** Requests served, to show the bot fetched the metadata. */
    hits = 0;

    async start(): Promise<void> {
        this.server = http.createServer((req, res) => this.handle(req, res));
        await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }

    get url(): string {
        return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    }

    /** The metadata URL to give the bot (BotOpenIdMetadata). */
    get metadataUrl(): string {
        return `${this.url}/v1/.well-known/openidconfiguration`;
    }

    /** A token signed with the published key. */
    sign(claims: ChannelTokenClaims): string {
        return this.jwt(claims, this.key.privateKey);
    }

    /** A token under the published key id but signed by another key (a forgery). */
    forge(claims: ChannelTokenClaims): string {
        return this.jwt(claims, this.stranger.privateKey);
    }

    private jwt(claims: ChannelTokenClaims, privateKey: KeyObject): string {
        const { expiresIn = 3600, ...rest } = claims;
        const now = Math.floor(Date.now() / 1000);
        const payload = { iss: 'https://api.botframework.com', nbf: now - 60, iat: now - 60, exp: now + expiresIn, ...rest };
        const signingInput = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.keyId, x5t: this.keyId }))}.${b64url(JSON.stringify(payload))}`;
        const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
        return `${signingInput}.${b64url(signature)}`;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        this.hits++;
        const json = (body: unknown): void => {
            res.statusCode = 200;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(body));
        };
        if (req.url === '/v1/.well-known/openidconfiguration') {
            return json({
                issuer: 'https://api.botframework.com',
                authorization_endpoint: 'https://invalid.botframework.com',
                jwks_uri: `${this.url}/v1/.well-known/keys`,
                id_token_signing_alg_values_supported: ['RS256'],
                token_endpoint_auth_methods_supported: ['private_key_jwt'],
            });
        }
        if (req.url === '/v1/.well-known/keys') {
            const jwk = this.key.publicKey.export({ format: 'jwk' });
            return json({ keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, x5t: this.keyId, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'webchat', 'directline', 'emulator'] }] });
        }
        res.statusCode = 404;
        res.end();
    }
}
