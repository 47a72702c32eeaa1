import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config';
import { standardWebhookHeaders, standardWebhookSecret } from '../../src/integrations/standardWebhooks';
import { createWebhookHandler, type WebhookPayload, type WebhookTicketV1 } from '../../src/integrations/webhooks';
import type { OutboxMessage } from '../../src/outbox/outboxTypes';
import { FakeWebhookReceiver, verifyStandardWebhook } from '../fakes/fakeWebhookReceiver';

const TICKET: WebhookTicketV1 = {
    number: 'SR-2026-000042', status: 'new', resolution: null, severity: 'A', impact: 'critical', due_at: '2026-11-23T11:00:00.000Z', due_basis: 'around-the-clock',
    category: 'technical', product: 'microsoft365', kind: 'break-fix', language: 'en', channel: 'msteams',
    title_redacted: 'Outlook is not receiving mail', description_redacted: 'Outlook is not receiving mail', guidance_article_id: null, support_plan_id: null,
    customer: { organisation: 'Fabrikam Ltd', tenant_id: null, tenant_verified: false },
    partner_contact: { name: 'Dana Reyes', email: 'escalations@contoso-cloud.example', phone: null },
    created_at: '2026-11-23T09:00:00.000Z', updated_at: '2026-11-23T09:00:00.000Z',
};

function message(url: string, key: string): OutboxMessage {
    const payload: WebhookPayload = { url, event: 'ticket.created', occurred_at: '2026-11-23T09:00:00.000Z', ticket: TICKET };
    return { id: 1, kind: 'webhook', idempotencyKey: key, payload, ticketId: 1, attempts: 0, createdAt: '2026-11-23T09:00:00.000Z' };
}

describe('webhooks signed per the Standard Webhooks specification', () => {
    const whsec = `whsec_${randomBytes(32).toString('base64')}`;
    let receiver: FakeWebhookReceiver;
    beforeEach(async () => {
        receiver = new FakeWebhookReceiver(whsec);
        await receiver.start();
    });
    afterEach(() => receiver.stop());

    it('a stock receiver given the whsec_ secret verifies every delivery, and the project recipe still works', async () => {
        const handler = createWebhookHandler({ urls: [receiver.url], secret: whsec, timeoutMs: 5000 });
        await handler(message(receiver.url, 'webhook/SR-2026-000042/ticket.created/1/ab12'));
        const [request] = receiver.requests;
        assert.equal(request?.answered, 200);
        assert.ok(request.standardVerified, 'standardwebhooks accepts it');
        assert.ok(request.verified, 'X-CSP-Signature is still sent and verifies');
    });

    it('webhook-id stays the same on every retry of one message, has no full stop, and differs between messages', async () => {
        const handler = createWebhookHandler({ urls: [receiver.url], secret: whsec, timeoutMs: 5000 });
        receiver.failNext(1, 503);
        await assert.rejects(handler(message(receiver.url, 'webhook/SR-2026-000042/ticket.created/1/ab12')), /HTTP 503/);
        await handler(message(receiver.url, 'webhook/SR-2026-000042/ticket.created/1/ab12'));
        await handler(message(receiver.url, 'webhook/SR-2026-000042/ticket.updated/2/cd34'));
        const seen = receiver.requests.map((r) => r.webhookId);
        assert.equal(seen[0], seen[1]);
        assert.notEqual(seen[1], seen[2]);
        for (const id of seen) assert.match(id, /^msg_[A-Za-z0-9_-]+$/);
    });

    it('a tampered body, a wrong secret or a stale timestamp fails the stock verifier', () => {
        const body = JSON.stringify({ event: 'ticket.created', ticket: TICKET });
        const now = Math.floor(Date.now() / 1000);
        const headers = standardWebhookHeaders(whsec, 'key-1', now, body);
        assert.ok(verifyStandardWebhook(whsec, headers, body));
        assert.ok(!verifyStandardWebhook(whsec, headers, body.replace('Fabrikam', 'Contoso')));
        assert.ok(!verifyStandardWebhook(`whsec_${randomBytes(32).toString('base64')}`, headers, body));
        assert.ok(!verifyStandardWebhook(whsec, standardWebhookHeaders(whsec, 'key-1', now - 3600, body), body));
    });

    it('signs exactly what the specification’s own library signs, for whsec_ and for plain secrets', () => {
        const at = new Date('2026-11-23T09:00:00Z');
        const seconds = at.getTime() / 1000;
        for (const secret of [whsec, 'a-plain-shared-secret-of-any-length']) {
            const headers = standardWebhookHeaders(secret, 'webhook/SR-1/ticket.created/1/x', seconds, '{"a":1}');
            assert.equal(headers['webhook-signature'], new Webhook(standardWebhookSecret(secret)).sign(headers['webhook-id'], at, '{"a":1}'));
        }
        assert.equal(standardWebhookSecret(whsec), whsec, 'a whsec_ secret is given to receivers as it is');
        assert.equal(standardWebhookSecret('a-plain-shared-secret'), `whsec_${Buffer.from('a-plain-shared-secret').toString('base64')}`);
    });

    it('WEBHOOK_SECRET refuses a whsec_ secret that is not base64 of 24 to 64 bytes', () => {
        const urls = 'https://psa.fabrikam.example/hooks';
        assert.equal(loadConfig({ WEBHOOK_URLS: urls, WEBHOOK_SECRET: whsec }).WEBHOOK_SECRET, whsec);
        assert.throws(() => loadConfig({ WEBHOOK_URLS: urls, WEBHOOK_SECRET: `whsec_${randomBytes(16).toString('base64')}` }), /WEBHOOK_SECRET: a whsec_ secret must hold 24 to 64 bytes \(this one holds 16\)/);
        assert.throws(() => loadConfig({ WEBHOOK_URLS: urls, WEBHOOK_SECRET: 'whsec_not base64 at all!!' }), /WEBHOOK_SECRET: a whsec_ secret must be base64/);
    });
});
