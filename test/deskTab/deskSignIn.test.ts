import assert from 'node:assert/strict';
import { FakeIdentity } from '../fakes/fakeIdentity';
import { BotHarness } from '../helpers/botHarness';
import { ADMIN, AGENT, COLLEAGUE, CUSTOMER, DESK_CLIENT, deskBot } from '../helpers/deskIdentity';

describe('Desk tab sign-in (Teams SSO token, browser sign-in with PKCE) against a fake Entra ID', function () {
    this.timeout(30_000);
    const identity = new FakeIdentity();
    let bot: BotHarness;

    before(async () => {
        await identity.start();
        bot = await deskBot(identity);
    });

    after(async () => {
        await bot?.stop();
        await identity.stop();
    });

    const now = (token?: string) => fetch(`${bot.baseUrl}/desk/api/now`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const sso = (user: { tid: string; oid: string; name: string }, extra: { aud?: string; expiresIn?: number } = {}) => identity.signToken({ ...user, aud: DESK_CLIENT, ...extra });

    it('an agent with a Teams SSO token sees the desk; an admin too', async () => {
        const res = await now(sso(AGENT));
        assert.equal(res.status, 200);
        const view = (await res.json()) as { openCounts: { open: number } };
        assert.equal(view.openCounts.open, 0);
        const me = await fetch(`${bot.baseUrl}/desk/api/me`, { headers: { authorization: `Bearer ${sso(ADMIN)}` } });
        assert.deepEqual(await me.json(), { name: 'Jonas Berg', role: 'admin', developmentMode: false });
    });

    it('no token, an expired one, a forged or foreign-audience one get 401', async () => {
        assert.equal((await now()).status, 401);
        assert.equal((await now(sso(AGENT, { expiresIn: -3600 }))).status, 401);
        assert.equal((await now(sso(AGENT, { aud: '99999999-9999-4999-8999-999999999999' }))).status, 401);
        const [head, body] = sso(AGENT).split('.');
        const tampered = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()), oid: ADMIN.oid })).toString('base64url')}.${sso(AGENT).split('.')[2]}`;
        assert.equal((await now(tampered)).status, 401);
        assert.equal((await now(identity.signToken({ ...AGENT, aud: DESK_CLIENT, iss: 'https://evil.example/v2.0' }))).status, 401);
    });

    it("another tenant's account (a customer's) and a colleague who is not an agent get 403", async () => {
        assert.equal((await now(sso(CUSTOMER))).status, 403);
        assert.equal((await now(sso({ ...CUSTOMER, oid: AGENT.oid }))).status, 403, "an agent's object id from another tenant is not the agent");
        assert.equal((await now(sso(COLLEAGUE))).status, 403);
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/reports/by-category.csv`, { headers: { authorization: `Bearer ${sso(COLLEAGUE)}` } })).status, 403);
    });

    it('in a browser: Entra sign-in with PKCE gives an agent an HttpOnly session cookie; others are turned away', async () => {
        const signIn = async (user: typeof AGENT): Promise<{ status: number; cookie: string }> => {
            identity.signInAs = user;
            const start = await fetch(`${bot.baseUrl}/desk/auth/signin`, { redirect: 'manual' });
            assert.equal(start.status, 302);
            const authorize = new URL(start.headers.get('location') ?? '');
            assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
            assert.equal(authorize.searchParams.get('redirect_uri'), `${bot.baseUrl}/desk/auth/callback`);
            const pending = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
            // Node's fetch cannot be told to trust the fake's self-signed certificate; node:https can.
            const back = await followAuthorize(identity, authorize);
            const done = await fetch(back, { redirect: 'manual', headers: { cookie: pending } });
            return { status: done.status, cookie: done.headers.getSetCookie().find((c) => c.startsWith('desk_session=')) ?? '' };
        };
        const agent = await signIn(AGENT);
        assert.equal(agent.status, 302);
        assert.match(agent.cookie, /HttpOnly/);
        assert.match(agent.cookie, /SameSite=Lax/);
        assert.doesNotMatch(agent.cookie, /Secure/, 'plain http on loopback');
        const session = agent.cookie.split(';')[0] ?? '';
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/now`, { headers: { cookie: session } })).status, 200);
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/now`, { headers: { cookie: `${session.slice(0, -2)}xx` } })).status, 401, 'a changed cookie is worthless');
        assert.equal((await signIn(CUSTOMER)).status, 403);
        assert.equal((await signIn(COLLEAGUE)).status, 403);
        const replay = await fetch(`${bot.baseUrl}/desk/auth/callback?code=fake-code-x&state=y`, { redirect: 'manual' });
        assert.equal(replay.status, 401, 'a callback without the sign-in cookie');
    });
});

/** GETs the fake's authorize URL over https trusting its CA, and returns where it sends the browser. */
async function followAuthorize(identity: FakeIdentity, url: URL): Promise<string> {
    const https = await import('node:https');
    return new Promise((resolve, reject) => {
        https.get(url, { ca: identity.ca }, (res) => {
            res.resume();
            resolve(res.headers.location ?? '');
        }).on('error', reject);
    });
}

describe('Desk tab without an app id (development)', function () {
    this.timeout(30_000);
    let bot: BotHarness;

    before(async () => {
        bot = await BotHarness.start();
    });

    after(async () => bot?.stop());

    it('answers on loopback without sign-in and says so on the page; a relayed request gets 403', async () => {
        const page = await (await fetch(`${bot.baseUrl}/desk`)).text();
        assert.match(page, /Development mode: sign-in is not configured/);
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/now`)).status, 200);
        const me = (await (await fetch(`${bot.baseUrl}/desk/api/me`)).json()) as { developmentMode: boolean };
        assert.equal(me.developmentMode, true);
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/now`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status, 403);
        assert.equal((await fetch(`${bot.baseUrl}/desk/auth/signin`, { redirect: 'manual' })).status, 404);
    });

    it('serves CSV with a file name, and refuses unknown filters', async () => {
        const csv = await fetch(`${bot.baseUrl}/desk/api/reports/deflection.csv?from=2026-11-01&to=2026-11-30`);
        assert.equal(csv.status, 200);
        assert.match(csv.headers.get('content-disposition') ?? '', /deflection-2026-11-01-2026-11-30\.csv/);
        assert.equal(await csv.text(), 'Outcome,Tickets\r\nResolved by guidance,0\r\nNeeded the desk,0\r\n');
        assert.equal((await fetch(`${bot.baseUrl}/desk/api/reports?severity=Z`)).status, 400);
    });
});
