import assert from 'node:assert/strict';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { FakeIdentity } from '../fakes/fakeIdentity';
import { FakePartnerCenter } from '../fakes/fakePartnerCenter';
import { BotHarness, button, choice, visibleText } from '../helpers/botHarness';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const CUSTOMER = 'web-customer-9';
const PC_APP = { tenantId: 'contoso.onmicrosoft.com', clientId: 'pc-app', clientSecret: 'pc-secret', refreshToken: 'agent-refresh-token' };
const PARTNER_CONTACT = 'escalations@contoso-cloud.example';

async function until<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i++) {
        const value = await probe();
        if (value !== undefined) return value;
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('until(): condition not met within 5 s');
}

describe("tickets reach the agents' channel through the outbox; agents take over and escalate to Microsoft", () => {
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
    beforeEach(async () => {
        partnerCenter.reset();
        bot = await BotHarness.start({
            env: {
                PARTNER_TENANT_ID: PARTNER_TENANT,
                AGENT_ADMIN_AAD_OBJECT_IDS: MARIA,
                AUTHORITY_HOST: identity.authorityHost,
                PARTNER_CENTER_TENANT_ID: PC_APP.tenantId,
                PARTNER_CENTER_CLIENT_ID: PC_APP.clientId,
                PARTNER_CENTER_CLIENT_SECRET: PC_APP.clientSecret,
                PARTNER_CENTER_REFRESH_TOKEN: PC_APP.refreshToken,
                PARTNER_CENTER_BASE_URL: partnerCenter.url,
            },
            authorityCa: identity.ca,
        });
    });
    afterEach(() => bot.stop());

    const maria = (activity: Record<string, unknown>, conversation = `a:chat-${MARIA}`, conversationType = 'personal') =>
        bot.send({ from: { id: `29:${MARIA}`, name: 'Maria Lopez', aadObjectId: MARIA }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: conversation, conversationType, tenantId: PARTNER_TENANT }, ...activity }, conversation, 'msteams');

    /** A Severity A ticket in Spanish-free English, declining the live agent offer. */
    async function severityATicket(): Promise<void> {
        const understood = await bot.say('Outlook is not receiving any emails since this morning, Exchange Online shows an error', CUSTOMER);
        const impact = await bot.click(choice(understood, 'intake-confirm', 'yes'), CUSTOMER);
        const severity = await bot.click(choice(impact, 'impact', 'critical'), CUSTOMER);
        await bot.click(choice(severity, 'guidance-solved', 'no'), CUSTOMER);
        await bot.say('alex.kim@fabrikam.example', CUSTOMER);
        const summary = await bot.say('Fabrikam Ltd', CUSTOMER);
        await bot.click(choice(summary, 'escalation-confirm', 'confirm'), CUSTOMER);
    }

    it('a Severity A ticket posts its card in the agents channel; Take over opens the chat; Escalate files it with the partner as primary contact', async () => {
        await maria({ type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL, 'channel');
        await maria({ text: 'help' });
        await severityATicket();
        const notice = await until(() => bot.channel.history.find((r) => r.conversation?.id === AGENTS_CHANNEL && /SR-2026-000001: Outlook/.test(visibleText([r]))));
        const text = visibleText([notice]);
        for (const expected of [/New · Severity A · due Mon 23 Nov, 12:00, 2 h left/, /Assigned to\nunassigned/, /Assign to me/, /Resolve/, /Alex Kim/, /Fabrikam Ltd/, /Outlook is not receiving/, /Take over/, /Escalate to Microsoft/]) assert.match(text, expected);

        // Severity A also brought in a person; the agent takes the waiting customer over from the ticket card.
        const takeover = await maria({ value: button([notice], 'Take over'), replyToId: notice.id }, AGENTS_CHANNEL, 'channel');
        assert.match(visibleText(takeover.filter((r: ChannelActivity) => r.conversation?.id === CUSTOMER)), /Maria Lopez\*\* from Contoso Cloud Services has joined the chat/);

        const escalated = await maria({ value: button([notice], 'Escalate to Microsoft'), replyToId: notice.id }, AGENTS_CHANNEL, 'channel');
        assert.match(visibleText(escalated), /Filing the ticket with Microsoft/);
        const filed = await until(() => [...partnerCenter.serviceRequests.values()][0]);
        assert.equal(filed.body.Severity, 'critical');
        assert.equal((filed.body.PrimaryContact as { Email?: string }).Email, PARTNER_CONTACT);
        assert.doesNotMatch(JSON.stringify(filed.body), /alex\.kim@fabrikam\.example/);
        const stored = await until(async () => (await bot.tickets()).find((t) => t.service_request_id));
        assert.equal(stored.service_request_id, filed.id);
        const again = await maria({ value: button([notice], 'Escalate to Microsoft'), replyToId: notice.id }, AGENTS_CHANNEL, 'channel');
        assert.match(visibleText(again), /already filed with Microsoft/);
        assert.equal(partnerCenter.serviceRequests.size, 1);
    });

    it('a customer cannot press the agent buttons: the payload from Web Chat is refused and nothing is filed', async () => {
        await severityATicket();
        const [ticket] = await bot.tickets();
        const replies = await bot.send({ value: { cspAgent: 1, action: 'escalate', handoff: 0, ticket: ticket?.id } }, CUSTOMER);
        assert.doesNotMatch(visibleText(replies), /Filing|Microsoft/);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(partnerCenter.serviceRequests.size, 0);
    });
});
