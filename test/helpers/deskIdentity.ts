import { FakeIdentity } from '../fakes/fakeIdentity';
import { BotHarness } from './botHarness';

export const PARTNER_TENANT = '11111111-1111-4111-8111-111111111111';
export const CUSTOMER_TENANT = '22222222-2222-4222-8222-222222222222';
export const DESK_CLIENT = '33333333-3333-4333-8333-333333333333';
export const DESK_SECRET = 'desk-secret-for-tests-0123456789';
export const AGENT = { tid: PARTNER_TENANT, oid: '44444444-4444-4444-8444-444444444444', name: 'Ana Ruiz' };
export const ADMIN = { tid: PARTNER_TENANT, oid: '55555555-5555-4555-8555-555555555555', name: 'Jonas Berg' };
export const COLLEAGUE = { tid: PARTNER_TENANT, oid: '66666666-6666-4666-8666-666666666666', name: 'Not An Agent' };
export const CUSTOMER = { tid: CUSTOMER_TENANT, oid: '77777777-7777-4777-8777-777777777777', name: 'Alex Kim' };

/** A bot whose desk signs people in through the fake Entra ID. */
export async function deskBot(identity: FakeIdentity, env: Record<string, string> = {}): Promise<BotHarness> {
    identity.register({ tenantId: PARTNER_TENANT, clientId: DESK_CLIENT, clientSecret: DESK_SECRET });
    return BotHarness.start({
        authorityCa: identity.ca,
        env: { AUTHORITY_HOST: identity.authorityHost, PARTNER_TENANT_ID: PARTNER_TENANT, DESK_CLIENT_ID: DESK_CLIENT, DESK_CLIENT_SECRET: DESK_SECRET, AGENT_AAD_OBJECT_IDS: AGENT.oid, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN.oid, ...env },
    });
}

