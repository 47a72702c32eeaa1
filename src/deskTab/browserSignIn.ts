import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EntraIdTokenVerifier } from '../integrations/entraIdTokenVerifier';
import { requestJson } from '../integrations/openIdClient';
import type { SignedCookie } from './signedCookie';

export const SIGN_IN_COOKIE = 'desk_signin';
export const PendingSignInSchema = z.object({ verifier: z.string(), state: z.string(), nonce: z.string(), exp: z.number() });
const TokenAnswerSchema = z.object({ id_token: z.string() });

export interface BrowserSignInOptions {
    verifier: EntraIdTokenVerifier;
    clientId: string;
    clientSecret?: string;
    ca?: string;
    pending: SignedCookie<typeof PendingSignInSchema>;
    now: () => number;
}

/**
 * Microsoft Entra ID sign-in for the desk in a plain browser: the authorisation code flow
 * with PKCE (S256), a state and a nonce kept in a short-lived signed cookie; the code is
 * redeemed by the server and the ID token checked like a Teams SSO token.
 */
export class BrowserSignIn {
    constructor(private readonly options: BrowserSignInOptions) {}

    /** Where to send the browser, and the cookie that remembers the attempt (10 minutes). */
    async start(redirectUri: string): Promise<{ location: string; cookie: string }> {
        const metadata = await this.options.verifier.openIdMetadata();
        const verifier = randomBytes(32).toString('base64url');
        const state = randomBytes(16).toString('base64url');
        const nonce = randomBytes(16).toString('base64url');
        const url = new URL(metadata.authorization_endpoint);
        url.search = new URLSearchParams({
            client_id: this.options.clientId,
            response_type: 'code',
            redirect_uri: redirectUri,
            response_mode: 'query',
            scope: 'openid profile',
            state,
            nonce,
            code_challenge: createHash('sha256').update(verifier).digest('base64url'),
            code_challenge_method: 'S256',
        }).toString();
        return { location: url.toString(), cookie: this.options.pending.seal({ verifier, state, nonce, exp: this.options.now() + 600_000 }) };
    }

    /** Redeems the code; the verified identity, or a reason the sign-in failed. */
    async finish(query: { code?: string; state?: string }, pendingCookie: string | undefined, redirectUri: string): Promise<{ objectId: string; name: string; tenantId: string } | { failed: string }> {
        const pending = this.options.pending.open(pendingCookie, this.options.now());
        if (!pending || !query.code || query.state !== pending.state) return { failed: 'the sign-in expired or did not start here; please sign in again' };
        const metadata = await this.options.verifier.openIdMetadata();
        const answer = TokenAnswerSchema.parse(
            await requestJson(metadata.token_endpoint, {
                ca: this.options.ca,
                form: {
                    grant_type: 'authorization_code',
                    client_id: this.options.clientId,
                    ...(this.options.clientSecret ? { client_secret: this.options.clientSecret } : {}),
                    code: query.code,
                    redirect_uri: redirectUri,
                    code_verifier: pending.verifier,
                    scope: 'openid profile',
                },
            }),
        );
        const token = await this.options.verifier.verify(answer.id_token, [this.options.clientId]);
        if (token.nonce !== pending.nonce) return { failed: 'the sign-in answer does not belong to this attempt' };
        return token;
    }
}
