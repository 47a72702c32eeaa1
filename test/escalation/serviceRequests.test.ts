import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import sinon from 'sinon';
import { loadConfig } from '../../src/config';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxKind, type OutboxMessage } from '../../src/outbox/outboxTypes';
import { PartnerCenterClient } from '../../src/integrations/partnerCenterClient';
import { autoServiceRequest, enqueueStatusRefreshes, requestServiceRequest, scheduleStatusRefreshes, serviceRequestHandlers, type OutboxEntry, type OutboxWriter } from '../../src/escalation/serviceRequests';
import { RefreshTokenSource } from '../../src/integrations/entraTokens';
import { loadPartnerProfile, type PartnerProfile } from '../../src/partner/partnerProfile';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';
import type { Database } from '../../src/store/schema';
import { TicketRepository, type NewTicket, type Ticket } from '../../src/store/ticketRepository';
import type { Category, Product, Severity } from '../../src/policy/types';
import { FakeIdentity } from '../fakes/fakeIdentity';
import { FakePartnerCenter } from '../fakes/fakePartnerCenter';

const PC_APP = { tenantId: 'contoso.onmicrosoft.com', clientId: 'pc-app', clientSecret: 'pc-secret', refreshToken: 'agent-refresh-token' };
const PARTNER: PartnerProfile = loadPartnerProfile(loadConfig({})).profile;
const NOW = new Date('2026-11-23T09:00:00Z');

/** The outbox as the delivery code sees it: rows written in the caller's transaction. */
class RecordingOutbox implements OutboxWriter {
    readonly entries: OutboxEntry[] = [];
    async enqueue(_trx: Kysely<Database>, entry: OutboxEntry): Promise<void> {
        this.entries.push(entry);
    }
}

function message(kind: OutboxKind, ticketId: number, attempts = 0): OutboxMessage {
    return { id: 1, kind, idempotencyKey: `${kind}:${ticketId}`, payload: { ticketId }, ticketId, attempts, createdAt: NOW.toISOString() };
}

function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
    const description = 'Outlook stopped receiving mail for the whole office. Reach me at alex.kim@fabrikam.example or +34 600 123 456.';
    return {
        idempotencyKey: `intake-${Math.random()}`,
        status: 'new',
        resolution: null,
        conversationId: 'conv-1',
        channelId: 'webchat',
        language: 'en',
        title: 'Outlook stopped receiving mail, write to alex.kim@fabrikam.example',
        description,
        descriptionRedacted: 'Outlook stopped receiving mail for the whole office. Reach me at [email] or [phone].',
        category: 'technical',
        product: 'microsoft365',
        kind: 'break-fix',
        impact: 'critical',
        severity: 'A',
        dueAt: '2026-11-23T11:00:00.000Z',
        dueBasis: 'around-the-clock',
        guidanceArticleId: null,
        customer: { name: 'Alex Kim', email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd', tenantId: '11111111-2222-4333-8444-555555555555' },
        supportPlanId: null,
        partnerContact: { name: 'Dana Reyes', email: 'escalations@contoso-cloud.example', phone: '+34 910 000 001' },
        ...overrides,
    };
}

describe('Microsoft service requests through Partner Center', () => {
    const identity = new FakeIdentity().register(PC_APP);
    const partnerCenter = new FakePartnerCenter(identity, PARTNER.microsoftContact.email);
    let database: OpenDatabase;
    let tickets: TicketRepository;

    before(async () => {
        await identity.start();
        await partnerCenter.start();
    });
    after(async () => {
        await partnerCenter.stop();
        await identity.stop();
    });
    beforeEach(async () => {
        partnerCenter.reset();
        partnerCenter.forbiddenText = ['Alex Kim', 'alex.kim@fabrikam.example', '600 123 456', newTicket().description];
        identity.mode = 'ok';
        identity.tokenRequests.length = 0;
        database = await openSqliteDatabase(':memory:');
        tickets = new TicketRepository(database.db);
    });
    afterEach(async () => {
        await database.close();
    });

    function handlers(options: { partner?: PartnerProfile; overrides?: Record<string, string>; timeoutMs?: number; refreshToken?: string } = {}) {
        const tokens = new RefreshTokenSource({ authorityHost: identity.authorityHost, ...PC_APP, ca: identity.ca }, options.refreshToken ?? PC_APP.refreshToken);
        const client = new PartnerCenterClient({ baseUrl: partnerCenter.url, tokens, timeoutMs: options.timeoutMs ?? 5000 });
        return serviceRequestHandlers({ db: database.db, client, partner: options.partner ?? PARTNER, agentLocale: 'en-US', topicOverrides: options.overrides, logger: { info: () => undefined }, now: () => NOW });
    }

    async function opened(overrides: Partial<NewTicket> = {}): Promise<Ticket> {
        return (await tickets.create(newTicket(overrides), NOW)).ticket;
    }

    const reread = (id: number) => database.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const creates = () => partnerCenter.requests.filter((r) => r.method === 'POST');

    it('files a Severity A ticket as critical, under the Microsoft 365 topic, with the partner as contact and no personal data', async () => {
        const ticket = await opened();
        await handlers()['service-request'](message('service-request', ticket.id));

        assert.deepEqual(partnerCenter.rejections, []);
        const [post] = creates();
        assert.equal(post?.path, '/v1/servicerequests/en-US');
        assert.equal(post?.locale, 'en-US');
        const body = post?.body as Record<string, unknown>;
        assert.equal(body.Severity, 'critical');
        assert.equal(body.SupportTopicId, '32569844');
        assert.equal(body.Title, 'SR-2026-000001 Outlook stopped receiving mail, write to [email]');
        assert.deepEqual(body.PrimaryContact, { FirstName: 'Dana', LastName: 'Reyes', Email: 'escalations@contoso-cloud.example', PhoneNumber: '+34 910 000 001' });
        const description = String(body.Description);
        assert.match(description, /Partner ticket: SR-2026-000001/);
        assert.match(description, /Business impact: critical\. Considerable loss or degradation of services; production is down\./);
        assert.match(description, /Outlook stopped receiving mail for the whole office\. Reach me at \[email\] or \[phone\]\./);
        assert.match(description, /Customer tenant: 11111111-2222-4333-8444-555555555555/);

        const stored = await reread(ticket.id);
        const filed = [...partnerCenter.serviceRequests.values()][0];
        assert.equal(stored.service_request_id, filed?.id);
        assert.equal(stored.service_request_status, 'open');
        assert.equal(stored.service_request_updated_at, NOW.toISOString());
        const events = await tickets.events(ticket.id);
        assert.equal(events.at(-1)?.type, 'service-request-filed');
        assert.deepEqual(JSON.parse(events.at(-1)?.data ?? '{}'), { id: filed?.id, status: 'open', severity: 'critical', supportTopicId: '32569844' });
    });

    const severities: Array<[Severity | null, string]> = [
        ['B', 'moderate'],
        ['C', 'minimal'],
        [null, 'minimal'],
    ];
    for (const [severity, expected] of severities) {
        it(`maps severity ${severity ?? '(none)'} to ${expected}`, async () => {
            const ticket = await opened({ severity, impact: null });
            await handlers()['service-request'](message('service-request', ticket.id));
            assert.equal((creates()[0]?.body as Record<string, unknown>).Severity, expected);
        });
    }

    const topics: Array<[Category, Product, Record<string, string>, string]> = [
        ['commercial', 'azure', {}, '32569836'],
        ['technical', 'azure', {}, '32569840'],
        ['technical', 'dynamics365', {}, '32569848'],
        ['technical', 'ems', {}, '32569852'],
        ['technical', 'microsoft365', { 'technical.microsoft365': '32444667' }, '32444667'],
        ['technical', 'azure', { technical: '32444671', 'technical.microsoft365': '32444667' }, '32444671'],
    ];
    for (const [category, product, overrides, expected] of topics) {
        it(`chooses topic ${expected} for ${category}/${product}${Object.keys(overrides).length ? ' with an override' : ''}`, async () => {
            const ticket = await opened({ category, product, kind: category === 'technical' ? 'break-fix' : null });
            await handlers({ overrides })['service-request'](message('service-request', ticket.id));
            assert.equal((creates()[0]?.body as Record<string, unknown>).SupportTopicId, expected);
            assert.deepEqual(partnerCenter.rejections, []);
        });
    }

    it('refuses an override that names a topic Partner Center does not list, and a case no topic fits', async () => {
        const ticket = await opened();
        await assert.rejects(handlers({ overrides: { technical: '999' } })['service-request'](message('service-request', ticket.id)), PermanentDeliveryError);
        partnerCenter.topics = [{ id: 1, name: 'Cannot manage my profile', description: 'Profile problems' }];
        await assert.rejects(handlers()['service-request'](message('service-request', ticket.id)), /SUPPORT_TOPIC_OVERRIDES/);
        assert.equal(creates().length, 0);
    });

    it("carries the support plan id for the partner's own tenant, and will not file it without one", async () => {
        const own = await opened({ customer: { name: 'Dana Reyes', email: 'dana@contoso-cloud.example', organisation: 'Contoso', tenantId: PARTNER.tenantId ?? null }, supportPlanId: 'PLAN-12345' });
        await handlers()['service-request'](message('service-request', own.id));
        const description = String((creates()[0]?.body as Record<string, unknown>).Description);
        assert.match(description, /for its own tenant/);
        assert.match(description, /Support plan: PLAN-12345/);

        const withoutPlan = await opened({ customer: { name: null, email: null, organisation: null, tenantId: PARTNER.tenantId ?? null }, supportPlanId: null });
        await assert.rejects(handlers()['service-request'](message('service-request', withoutPlan.id)), /own tenant and has no support plan/);
        assert.equal(creates().length, 1);
    });

    it('does nothing when the ticket already has a service request, and a retried POST is not filed twice', async () => {
        const ticket = await opened();
        const deliver = handlers()['service-request'];
        await deliver(message('service-request', ticket.id));
        await deliver(message('service-request', ticket.id, 1));
        assert.equal(creates().length, 1, 'second delivery: no call');

        // The answer was lost (crash before storing it): the retry carries the same MS-RequestId.
        await database.db.updateTable('tickets').set({ service_request_id: null }).where('id', '=', ticket.id).execute();
        await deliver(message('service-request', ticket.id, 2));
        assert.equal(creates().length, 2);
        assert.equal(creates()[0]?.requestId, creates()[1]?.requestId);
        assert.equal(partnerCenter.serviceRequests.size, 1, 'Partner Center has it once');
    });

    it('reads the support topics once a day, not per request', async () => {
        const deliver = handlers()['service-request'];
        for (let i = 0; i < 2; i++) await deliver(message('service-request', (await opened()).id));
        assert.equal(partnerCenter.requests.filter((r) => r.path === '/v1/servicerequests/supporttopics').length, 1);
    });

    describe('failures', () => {
        it('401 once: refreshes the token and succeeds', async () => {
            const ticket = await opened();
            const deliver = handlers()['service-request'];
            partnerCenter.mode = '401-once';
            await deliver(message('service-request', ticket.id));
            assert.ok((await reread(ticket.id)).service_request_id);
            assert.equal(identity.tokenRequests.length, 2, 'a second token after the 401');
            assert.equal(identity.tokenRequests[1]?.grantType, 'refresh_token');
            assert.match(identity.tokenRequests[1]?.scope ?? '', /https:\/\/api\.partnercenter\.microsoft\.com\/user_impersonation/);
        });

        it('401 after a token refresh: permanent', async () => {
            const ticket = await opened();
            partnerCenter.mode = '401';
            await assert.rejects(handlers()['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof PermanentDeliveryError && /401 after a token refresh/.test(err.message));
            assert.equal((await reread(ticket.id)).service_request_id, null);
        });

        it('429: retry later, after the Retry-After delay', async () => {
            const ticket = await opened();
            partnerCenter.mode = '429';
            await assert.rejects(handlers()['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof RetryableDeliveryError && err.retryAfterMs === 7000);
        });

        it('500: retry later', async () => {
            const ticket = await opened();
            partnerCenter.mode = '500';
            await assert.rejects(handlers()['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof RetryableDeliveryError && err.retryAfterMs === undefined);
        });

        it('no answer: retry later', async () => {
            const ticket = await opened();
            partnerCenter.mode = 'hang';
            await assert.rejects(handlers({ timeoutMs: 300 })['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof RetryableDeliveryError && /timed out/.test(err.message));
            assert.equal((await reread(ticket.id)).service_request_id, null);
        });

        it('a rejected body (another 4xx): permanent', async () => {
            const ticket = await opened();
            const impostor = { ...PARTNER, microsoftContact: { ...PARTNER.microsoftContact, email: 'alex.kim@fabrikam.example' } };
            await assert.rejects(handlers({ partner: impostor })['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof PermanentDeliveryError && /400/.test(err.message));
            assert.match(partnerCenter.rejections.join('\n'), /PrimaryContact\.Email alex\.kim@fabrikam\.example is not the partner's contact/);
        });

        it('an expired refresh token: permanent; the token endpoint failing: retry later', async () => {
            const ticket = await opened();
            await assert.rejects(handlers({ refreshToken: 'stale' })['service-request'](message('service-request', ticket.id)), (err: Error) => err instanceof PermanentDeliveryError && /invalid_grant/.test(err.message));
            identity.mode = '500';
            await assert.rejects(handlers()['service-request'](message('service-request', ticket.id)), RetryableDeliveryError);
            assert.equal(creates().length, 0);
        });

        it('an invalid payload or a missing ticket: permanent', async () => {
            await assert.rejects(handlers()['service-request']({ ...message('service-request', 1), payload: { ticket: 'x' } }), /invalid payload/);
            await assert.rejects(handlers()['service-request'](message('service-request', 4242)), /ticket 4242 not found/);
        });
    });

    it('refreshes the status: a change is stored and recorded as an event', async () => {
        const ticket = await opened();
        const h = handlers();
        await h['service-request'](message('service-request', ticket.id));
        const id = (await reread(ticket.id)).service_request_id ?? '';
        partnerCenter.setStatus(id, 'attention_needed');
        await h['service-request-refresh'](message('service-request-refresh', ticket.id));
        assert.equal((await reread(ticket.id)).service_request_status, 'attention_needed');
        const last = (await tickets.events(ticket.id)).at(-1);
        assert.equal(last?.type, 'service-request-status');
        assert.deepEqual(JSON.parse(last?.data ?? '{}'), { id, from: 'open', to: 'attention_needed' });
        assert.equal(partnerCenter.requests.at(-1)?.path, `/v1/servicerequests/${id}`);
    });

    it('enqueues refreshes for filed requests that are not closed, once per window', async () => {
        const h = handlers();
        const open = await opened();
        const closed = await opened();
        await opened(); // never filed
        await h['service-request'](message('service-request', open.id));
        await h['service-request'](message('service-request', closed.id));
        partnerCenter.setStatus((await reread(closed.id)).service_request_id ?? '', 'closed');
        await h['service-request-refresh'](message('service-request-refresh', closed.id));
        const outbox = new RecordingOutbox();
        assert.equal(await enqueueStatusRefreshes(database.db, outbox, 15 * 60_000, NOW), 1);
        assert.deepEqual(outbox.entries, [{ kind: 'service-request-refresh', idempotencyKey: `service-request-refresh:${open.id}:${Math.floor(NOW.getTime() / 900_000)}`, payload: { ticketId: open.id }, ticketId: open.id }]);
    });

    it('re-reads open requests on a schedule until stopped', async () => {
        const ticket = await opened();
        await handlers()['service-request'](message('service-request', ticket.id));
        const outbox = new RecordingOutbox();
        const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
        try {
            const stop = scheduleStatusRefreshes(database.db, outbox, 60_000, { warn: () => undefined });
            assert.equal(outbox.entries.length, 0);
            clock.tick(60_000);
            for (let i = 0; i < 100 && outbox.entries.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
            assert.deepEqual(outbox.entries.map((e) => [e.kind, e.ticketId]), [['service-request-refresh', ticket.id]]);
            stop();
            clock.tick(180_000);
            for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
            assert.equal(outbox.entries.length, 1);
        } finally {
            clock.restore();
        }
    });

    it("an agent's request is recorded and enqueued once; a filed or unknown ticket is not", async () => {
        const ticket = await opened();
        const outbox = new RecordingOutbox();
        assert.equal(await requestServiceRequest(database.db, outbox, ticket.id, 'agent:dana', NOW), 'queued');
        assert.deepEqual(outbox.entries, [{ kind: 'service-request', idempotencyKey: `service-request:${ticket.id}`, payload: { ticketId: ticket.id }, ticketId: ticket.id }]);
        assert.deepEqual(JSON.parse((await tickets.events(ticket.id)).at(-1)?.data ?? '{}'), { requestedBy: 'agent:dana' });
        await handlers()['service-request'](message('service-request', ticket.id));
        assert.equal(await requestServiceRequest(database.db, outbox, ticket.id, 'agent:dana', NOW), 'already-filed');
        assert.equal(await requestServiceRequest(database.db, outbox, 999, 'agent:dana', NOW), 'not-found');
        assert.equal(outbox.entries.length, 1);
    });

    it('files Severity A automatically only when the partner enabled it', async () => {
        const a = await opened();
        const b = await opened({ severity: 'B' });
        assert.deepEqual(autoServiceRequest(a, { AUTO_ESCALATE_SEVERITY_A: true }), { kind: 'service-request', idempotencyKey: `service-request:${a.id}`, payload: { ticketId: a.id }, ticketId: a.id });
        assert.equal(autoServiceRequest(a, { AUTO_ESCALATE_SEVERITY_A: false }), undefined);
        assert.equal(autoServiceRequest(b, { AUTO_ESCALATE_SEVERITY_A: true }), undefined);
    });
});
