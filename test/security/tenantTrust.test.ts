import assert from 'node:assert/strict';
import { BotHarness, choice, promptOf, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import type { ChannelActivity } from '../fakes/fakeChannel';

const FABRIKAM = '11111111-2222-4333-8444-555555555555';

/** A Web Chat visitor on the built-in Direct Line, writing whatever channel data it likes. */
class Visitor {
    private watermark = '0';
    private constructor(
        private readonly bot: BotHarness,
        private readonly conversationId: string,
        private readonly headers: Record<string, string>,
    ) {}

    static async open(bot: BotHarness): Promise<Visitor> {
        const issued = (await (await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
        const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
        assert.equal((await fetch(`${bot.baseUrl}/v3/directline/conversations`, { method: 'POST', headers })).status, 201);
        const visitor = new Visitor(bot, issued.conversationId, headers);
        await visitor.read();
        return visitor;
    }

    /** Posts a message (with the forged Teams tenant) and returns the bot's replies to it. */
    async send(fields: Record<string, unknown>): Promise<ChannelActivity[]> {
        const body = { type: 'message', locale: 'en-US', channelData: { tenant: { id: FABRIKAM } }, conversation: { id: 'a:forged', tenantId: FABRIKAM }, ...fields };
        const res = await fetch(`${this.bot.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
        assert.equal(res.status, 200);
        return (await this.read()).filter((a) => (a.from as { role?: string } | undefined)?.role === 'bot');
    }

    private async read(): Promise<ChannelActivity[]> {
        const res = await fetch(`${this.bot.baseUrl}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { headers: this.headers });
        const page = (await res.json()) as { activities: ChannelActivity[]; watermark: string };
        this.watermark = page.watermark;
        return page.activities;
    }
}

/**
 * Tenant ids are not secret. A Web Chat visitor who writes a customer's tenant id into its
 * channel data must get nothing of that customer: no ticket status, no organisation or tenant
 * on the tickets it opens (which go on to webhooks and Partner Center).
 */
describe('a Web Chat visitor cannot claim a Teams tenant', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { CUSTOMERS_FILE: 'config/customers.example.json' } });
    });
    afterEach(() => bot.stop());

    it("is told a Teams customer's ticket does not exist, exactly as for an unknown number", async () => {
        await openTicketByChat(bot, {
            conversationId: 'a:fabrikam-1',
            channelId: 'msteams',
            activity: { from: { id: '29:alex', name: 'Alex Kim' }, channelData: { tenant: { id: FABRIKAM } }, conversation: { id: 'a:fabrikam-1', tenantId: FABRIKAM } },
            issue: 'Outlook is not receiving any emails since this morning, Exchange Online shows an error',
            impact: 'critical',
            email: 'alex@fabrikam.example',
        });
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.customer_tenant_id, FABRIKAM);

        const visitor = await Visitor.open(bot);
        const asked = visibleText(await visitor.send({ text: `What is the status of ${ticket?.number}?` }));
        const unknown = visibleText(await visitor.send({ text: 'What is the status of SR-2026-000999?' }));
        assert.doesNotMatch(asked, /is \*\*open\*\*|Severity|Gravedad/);
        assert.equal(asked, unknown.replace('000999', '000001'));
    });

    it('opens its own ticket with no tenant and asks for the organisation (a name, not an e-mail address) instead of taking the tenant’s', async () => {
        const visitor = await Visitor.open(bot);
        let replies = await visitor.send({ text: 'Our last invoice charged us twice for the Microsoft 365 Business Premium licences' });
        const answers: Record<string, string> = { 'intake-confirm': 'yes', 'guidance-solved': 'no', 'escalation-confirm': 'confirm' };
        let askedOrganisation = false;
        for (let step = 0; step < 8 && (await bot.tickets()).length === 0; step++) {
            const prompt = promptOf(replies);
            const text = visibleText(replies);
            if (prompt && answers[prompt]) replies = await visitor.send({ value: choice(replies, prompt, answers[prompt] ?? '') });
            else if (/name/i.test(text) && !/e-mail/i.test(text)) replies = await visitor.send({ text: 'Mallory Evans' });
            else if (/e-mail/i.test(text)) replies = await visitor.send({ text: 'mallory@evil.example' });
            else if (/organi[sz]ation/i.test(text)) {
                askedOrganisation = true;
                const refused = visibleText(await visitor.send({ text: 'ceo@fabrikam.example' }));
                assert.match(refused, /only your organisation's name .* without e-mail addresses, phone numbers or links/);
                replies = await visitor.send({ text: 'Evil Corp' });
            } else assert.fail(`stuck at: ${text}`);
        }
        const [ticket] = await bot.tickets();
        assert.ok(askedOrganisation, 'the visitor was asked for its organisation');
        assert.equal(ticket?.customer_tenant_id, null);
        assert.equal(ticket?.customer_organisation, 'Evil Corp');
        assert.match(ticket?.customer_user_id ?? '', /^dl_[0-9a-f]{24}$/);
    });
});
