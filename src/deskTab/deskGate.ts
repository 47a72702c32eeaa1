import type { Request } from 'restify';
import { z } from 'zod';
import { TokenRejected, type EntraIdTokenVerifier } from '../integrations/entraIdTokenVerifier';
import { readCookies, SignedCookie } from './signedCookie';

/** Who may look at the desk tab, and why the others may not. */
export type DeskAccess =
    | { allowed: true; objectId: string; name: string; role: 'agent' | 'admin' | 'developer' }
    | { allowed: false; status: 401 | 403 | 503; reason: string };

export const SESSION_COOKIE = 'desk_session';
export const SESSION_HOURS = 8;
export const SessionSchema = z.object({ oid: z.string(), name: z.string(), exp: z.number() });
export type DeskSession = z.infer<typeof SessionSchema>;

export interface DeskGateOptions {
    /** The Entra app (Teams SSO resource and browser sign-in client); none: development on loopback only. */
    sso?: { verifier: EntraIdTokenVerifier; audiences: string[]; partnerTenantId?: string };
    sessions: SignedCookie<typeof SessionSchema>;
    /** 'admin' or 'agent' for a current agent's Entra object id, else undefined. */
    agentRole(objectId: string): Promise<'agent' | 'admin' | undefined>;
    now: () => number;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** True for a request made on this machine and not relayed by a proxy. */
export function fromLoopback(req: Request): boolean {
    return LOOPBACK.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

/**
 * Decides each desk request: a Teams SSO token (Authorization: Bearer) or a browser session
 * cookie from the Entra sign-in; either way the person must be in the partner's tenant and a
 * current agent or admin (checked on every request, so removing an agent takes effect at once).
 * Without an Entra app, only requests from this machine get in, as a developer.
 */
export class DeskGate {
    constructor(private readonly options: DeskGateOptions) {}

    /** The partner's tenant (lower case) when sign-in is configured. */
    get partnerTenant(): string | undefined {
        return this.options.sso?.partnerTenantId?.toLowerCase();
    }

    get developmentMode(): boolean {
        return this.options.sso === undefined;
    }

    async check(req: Request): Promise<DeskAccess> {
        const sso = this.options.sso;
        if (!sso) {
            return fromLoopback(req)
                ? { allowed: true, objectId: 'developer', name: 'Developer (no sign-in)', role: 'developer' }
                : { allowed: false, status: 403, reason: 'sign-in is not configured (no DESK_CLIENT_ID or MicrosoftAppId): the desk answers only on this machine' };
        }
        if (!sso.partnerTenantId) return { allowed: false, status: 403, reason: "the partner's tenant is not configured (PARTNER_TENANT_ID)" };
        const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (bearer) {
            try {
                const token = await sso.verifier.verify(bearer, sso.audiences);
                if (token.tenantId !== sso.partnerTenantId.toLowerCase()) return { allowed: false, status: 403, reason: "not the partner's tenant" };
                return this.asAgent(token.objectId, token.name);
            } catch (error) {
                if (error instanceof TokenRejected) return { allowed: false, status: 401, reason: error.message };
                return { allowed: false, status: 503, reason: 'the sign-in service cannot be reached' };
            }
        }
        const session = this.options.sessions.open(readCookies(req.headers.cookie).get(SESSION_COOKIE), this.options.now());
        if (session) return this.asAgent(session.oid, session.name);
        return { allowed: false, status: 401, reason: 'sign-in required' };
    }

    async asAgent(objectId: string, name: string): Promise<DeskAccess> {
        const role = await this.options.agentRole(objectId);
        return role ? { allowed: true, objectId, name, role } : { allowed: false, status: 403, reason: 'not one of the partner’s agents' };
    }
}
