import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { OpenIdMetadataSchema, requestJson, type OpenIdMetadata } from './openIdClient';

/** Why a token was refused, in words safe to log (never the token). */
export class TokenRejected extends Error {
    constructor(reason: string) {
        super(reason);
        this.name = 'TokenRejected';
    }
}

/** The claims the desk reads from a verified Entra ID token. */
export interface VerifiedToken {
    tenantId: string;
    objectId: string;
    name: string;
    /** The token's own claims, for a nonce check. */
    nonce?: string;
}

const HeaderSchema = z.object({ alg: z.literal('RS256'), kid: z.string().min(1) });
const ClaimsSchema = z.object({
    iss: z.string(),
    aud: z.union([z.string(), z.array(z.string())]),
    exp: z.number(),
    nbf: z.number().optional(),
    tid: z.string(),
    oid: z.string(),
    name: z.string().optional(),
    preferred_username: z.string().optional(),
    nonce: z.string().optional(),
});
const JwksSchema = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.string(), n: z.string().optional(), e: z.string().optional() }).loose()) });

export interface EntraIdVerifierOptions {
    /** e.g. https://login.microsoftonline.com */
    authorityHost: string;
    /** The partner's tenant: its metadata gives the issuer and the signing keys. */
    tenantId: string;
    /** Extra trusted certificate authority (PEM) for the authority host. */
    ca?: string;
    /** Clock skew tolerated on exp/nbf, in seconds. */
    skewSeconds?: number;
    now?: () => number;
}

const decodePart = (part: string | undefined): unknown => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

/**
 * Checks Microsoft Entra ID tokens (Teams SSO access tokens, sign-in ID tokens) as Entra
 * publishes them: RS256 only, signed by a key from the tenant's JWKS (fetched from its OpenID
 * metadata, kept an hour, fetched again for an unknown key id at most once a minute), the
 * tenant's issuer, one of the expected audiences, and within its lifetime.
 */
export class EntraIdTokenVerifier {
    private metadata?: { value: OpenIdMetadata; at: number };
    private keys = new Map<string, KeyObject>();
    private keysAt = 0;

    constructor(private readonly options: EntraIdVerifierOptions) {}

    private now(): number {
        return this.options.now?.() ?? Date.now();
    }

    /** The tenant's OpenID metadata (authorize and token endpoints for the browser sign-in). */
    async openIdMetadata(): Promise<OpenIdMetadata> {
        if (this.metadata && this.now() - this.metadata.at < 3_600_000) return this.metadata.value;
        const url = `${this.options.authorityHost.replace(/\/$/, '')}/${this.options.tenantId}/v2.0/.well-known/openid-configuration`;
        const value = OpenIdMetadataSchema.parse(await requestJson(url, { ca: this.options.ca }));
        this.metadata = { value, at: this.now() };
        return value;
    }

    private async key(kid: string): Promise<KeyObject | undefined> {
        const stale = this.now() - this.keysAt > 3_600_000;
        if (this.keys.has(kid) && !stale) return this.keys.get(kid);
        if (!stale && this.now() - this.keysAt < 60_000) return undefined;
        const metadata = await this.openIdMetadata();
        const jwks = JwksSchema.parse(await requestJson(metadata.jwks_uri, { ca: this.options.ca }));
        this.keys = new Map(jwks.keys.filter((k) => k.kty === 'RSA' && k.n && k.e).map((k) => [k.kid, createPublicKey({ key: { kty: 'RSA', n: k.n, e: k.e } as JsonWebKey, format: 'jwk' })]));
        this.keysAt = this.now();
        return this.keys.get(kid);
    }

    /**
     * Issuers a token of tenant `tid` may carry: the v2.0 one in the metadata with the tenant
     * put in (Entra signs every tenant's tokens with the same keys; the caller decides which
     * tenants it serves), and on the public cloud the v1.0 one of access tokens whose app
     * registration did not ask for v2.0.
     */
    private issuers(metadataIssuer: string, tid: string): string[] {
        const v2 = metadataIssuer.replace('{tenantid}', tid).replace(this.options.tenantId, tid);
        return new URL(this.options.authorityHost).hostname === 'login.microsoftonline.com' ? [v2, `https://sts.windows.net/${tid}/`] : [v2];
    }

    /** The token's identity when it passes every check; throws TokenRejected otherwise. */
    async verify(token: string, audiences: readonly string[]): Promise<VerifiedToken> {
        const parts = token.split('.');
        if (parts.length !== 3) throw new TokenRejected('not a JWT');
        let header, claims;
        try {
            header = HeaderSchema.parse(decodePart(parts[0]));
            claims = ClaimsSchema.parse(decodePart(parts[1]));
        } catch {
            throw new TokenRejected('malformed token or unsupported algorithm');
        }
        const key = await this.key(header.kid);
        if (!key) throw new TokenRejected('unknown signing key');
        const signed = verifySignature('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2] ?? '', 'base64url'));
        if (!signed) throw new TokenRejected('bad signature');
        const metadata = await this.openIdMetadata();
        if (!this.issuers(metadata.issuer, claims.tid).includes(claims.iss)) throw new TokenRejected('wrong issuer');
        const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
        if (!aud.some((a) => audiences.includes(a))) throw new TokenRejected('wrong audience');
        const nowSeconds = this.now() / 1000;
        const skew = this.options.skewSeconds ?? 300;
        if (claims.exp + skew < nowSeconds) throw new TokenRejected('expired');
        if (claims.nbf !== undefined && claims.nbf - skew > nowSeconds) throw new TokenRejected('not yet valid');
        return { tenantId: claims.tid.toLowerCase(), objectId: claims.oid.toLowerCase(), name: claims.name ?? claims.preferred_username ?? claims.oid, nonce: claims.nonce };
    }
}
