import assert from 'node:assert/strict';
import { toTicket } from '../../src/store/ticketRepository';
import { OutboxRepository } from '../../src/outbox/outboxRepository';
import type { OutboxKind } from '../../src/outbox/outboxTypes';
import { serviceRequestLine } from '../../src/escalation/serviceRequestStatus';
import { BotHarness, choice, visibleText } from '../helpers/botHarness';
import { FakeIdentity } from '../fakes/fakeIdentity';
import { FakePartnerCenter } from '../fakes/fakePartnerCenter';

const PC_APP = { tenantId: 'contoso.onmicrosoft.com', clientId: 'pc-app', clientSecret: 'pc-secret', refreshToken: 'agent-refresh-token' };
const PARTNER_CONTACT = 'escalations@contoso-cloud.example';

describe('from a conversation to a Microsoft service request (whole flow)', () => {
    const identity = new FakeIdentity().register(PC_APP);
    const partnerCenter = new FakePartnerCenter(identity, PARTNER_CONTACT);
    let bot: BotHarness;

    before(async () => {
        await identity.start();
        await partnerCenter.start();
    });
    after(async () => {
        await partnerCenter.stop();
        await identity.stop();
    });
    beforeEach(() => partnerCenter.reset());
    afterEach(async () => {
        await bot.stop();
    });

    /** Writes an outbox message as the bot would and lets the running worker deliver it. */
    async function deliver(kind: OutboxKind, ticketId: number, key = `${kind}:${ticketId}`): Promise<string> {
        await new OutboxRepository(bot.app.database.db).enqueue([{ kind, idempotencyKey: key, payload: { ticketId }, ticketId }]);
        bot.app.outbox.kick();
        for (let i = 0; i < 200; i++) {
            const row = await bot.app.database.db.selectFrom('outbox').select('status').where('idempotency_key', '=', key).executeTakeFirstOrThrow();
            if (row.status === 'delivered' || row.status === 'dead') return row.status;
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return 'pending';
    }

    it('files the ticket the customer opened, without their personal data, and tells them its status on request', async () => {
        bot = await BotHarness.start({
            env: {
                AUTHORITY_HOST: identity.authorityHost,
                PARTNER_CENTER_TENANT_ID: PC_APP.tenantId,
                PARTNER_CENTER_CLIENT_ID: PC_APP.clientId,
                PARTNER_CENTER_CLIENT_SECRET: PC_APP.clientSecret,
                PARTNER_CENTER_REFRESH_TOKEN: PC_APP.refreshToken,
                PARTNER_CENTER_BASE_URL: partnerCenter.url,
                PARTNER_CENTER_LOCALE: 'es-ES',
            },
            authorityCa: identity.ca,
        });
        const understood = await bot.say('Outlook is not receiving any emails since this morning, Exchange Online shows an error. My mobile is +34 600 123 456, or write to alex.kim@fabrikam.example');
        const impact = await bot.click(choice(understood, 'intake-confirm', 'yes'));
        const severity = await bot.click(choice(impact, 'impact', 'critical'));
        await bot.click(choice(severity, 'guidance-solved', 'no'));
        await bot.say('alex.kim@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        const done = await bot.click(choice(summary, 'escalation-confirm', 'confirm'));
        assert.match(visibleText(done), /SR-2026-000001/);

        partnerCenter.forbiddenText = ['Alex Kim', 'alex.kim@fabrikam.example', '+34 600 123 456', '600 123 456'];
        const [ticket] = await bot.tickets();
        assert.ok(ticket);
        assert.equal(await deliver('service-request', ticket.id), 'delivered');

        assert.deepEqual(partnerCenter.rejections, []);
        const [filed] = [...partnerCenter.serviceRequests.values()];
        assert.equal(filed?.locale, 'es-ES');
        assert.equal(filed?.body.Severity, 'critical');
        assert.match(String(filed?.body.Description), /Customer organisation: Fabrikam Ltd/);
        assert.match(String(filed?.body.Description), /My mobile is \[phone\], or write to \[email\]/);
        const [stored] = await bot.tickets();
        assert.equal(stored?.service_request_id, filed?.id);
        assert.equal(stored?.service_request_status, 'open');
        assert.match(serviceRequestLine(toTicket(stored as NonNullable<typeof stored>), 'en', 'Europe/Madrid') ?? '', new RegExp(`service request ${filed?.id}: open, Microsoft is working on it \\(last checked \\w{3} \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\(Europe/Madrid\\)\\)`));

        partnerCenter.setStatus(filed?.id ?? '', 'closed');
        assert.equal(await deliver('service-request-refresh', ticket.id), 'delivered');
        const [refreshed] = await bot.tickets();
        assert.equal(refreshed?.service_request_status, 'closed');
        assert.match(serviceRequestLine(toTicket(refreshed as NonNullable<typeof refreshed>), 'es', 'Europe/Madrid') ?? '', /solicitud de servicio \d+: cerrada por Microsoft/);
    });

    it('without Partner Center configuration a service request waits in the outbox (never dropped) and nothing is called', async () => {
        bot = await BotHarness.start();
        await new OutboxRepository(bot.app.database.db).enqueue([{ kind: 'service-request', idempotencyKey: 'service-request:1', payload: { ticketId: 1 }, ticketId: null }]);
        bot.app.outbox.kick();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const row = await bot.app.database.db.selectFrom('outbox').select('status').where('idempotency_key', '=', 'service-request:1').executeTakeFirstOrThrow();
        assert.equal(row.status, 'pending');
        assert.equal(partnerCenter.requests.length, 0);
    });
});
