import assert from 'node:assert/strict';
import { BotHarness, button, visibleText } from '../helpers/botHarness';

describe('whole conversations through the HTTP server', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start();
    });
    afterEach(async () => {
        await bot.stop();
    });

    it('technical break-fix: hi → greeting → support terms → issue → impact → severity → ticket row', async () => {
        const greeting = visibleText(await bot.say('hi'));
        assert.match(greeting, /Contoso Cloud Services support assistant/);
        assert.match(greeting, /What can I help you with/);
        assert.doesNotMatch(greeting, /The support we offer/, 'the terms wait for a tap');
        const welcome = visibleText(await bot.say('Support terms'));
        assert.match(welcome, /The support we offer/);
        assert.match(welcome, /Monday[\s\S]*09:00–18:00/);
        assert.match(welcome, /Europe\/Madrid/);
        assert.match(welcome, /support@contoso-cloud\.example/);
        assert.match(welcome, /EUR 4 per user per month/);
        assert.match(welcome, /What can I help you with/);

        const understood = await bot.say('Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        assert.match(visibleText(understood), /Technical[\s\S]*Microsoft 365[\s\S]*broken/);
        const impact = await bot.click(button(understood, "Yes, that's right"));
        assert.match(visibleText(impact), /How much does this affect your business/);
        assert.match(visibleText(impact), /production is down/);

        const severity = await bot.click(button(impact, 'Critical'));
        const told = visibleText(severity);
        assert.match(told, /Severity A/);
        assert.match(told, /within 2 hours, by Mon 23 Nov 2026, 12:00 \(Europe\/Madrid\)/);
        assert.match(told, /Mail flow|messages/i, 'a mail-flow article is offered');

        const notSolved = await bot.click(button(severity, 'No, I still need help'));
        assert.match(visibleText(notSolved), /e-mail address/);
        await bot.say('alex.kim@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        const summaryText = visibleText(summary);
        assert.match(summaryText, /Please check your request/);
        assert.match(summaryText, /Alex Kim[\s\S]*alex\.kim@fabrikam\.example[\s\S]*Fabrikam Ltd/);

        const done = await bot.click(button(summary, 'Open the ticket'));
        assert.match(visibleText(done), /Your ticket \*\*SR-2026-000001\*\* is open with \*\*Severity A\*\*/);

        const [ticket] = await bot.tickets();
        assert.ok(ticket);
        assert.equal(ticket.number, 'SR-2026-000001');
        assert.equal(ticket.status, 'new');
        assert.equal(ticket.category, 'technical');
        assert.equal(ticket.product, 'microsoft365');
        assert.equal(ticket.kind, 'break-fix');
        assert.equal(ticket.severity, 'A');
        assert.equal(ticket.due_at, '2026-11-23T11:00:00.000Z');
        assert.equal(ticket.customer_name, 'Alex Kim');
        assert.equal(ticket.customer_email, 'alex.kim@fabrikam.example');
        assert.equal(ticket.customer_organisation, 'Fabrikam Ltd');
        assert.equal(ticket.partner_contact_name, 'Dana Reyes');
        assert.equal(ticket.partner_contact_email, 'escalations@contoso-cloud.example');
    });

    it('commercial: an invoice question goes to a ticket due within one business day, with no severity', async () => {
        await bot.say('hello');
        const understood = await bot.say('Our last invoice charged us twice for the Microsoft 365 Business Premium licences, paid with card 4111 1111 1111 1111');
        assert.match(visibleText(understood), /Commercial[\s\S]*Microsoft 365/);
        const guidance = await bot.click(button(understood, "Yes, that's right"));
        assert.doesNotMatch(visibleText(guidance), /How much does this affect your business/, 'no impact question for commercial issues');
        assert.match(visibleText(guidance), /invoice/i);
        await bot.click(button(guidance, 'No, I still need help'));
        await bot.say('alex@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        const done = await bot.click(button(summary, 'Open the ticket'));
        assert.match(visibleText(done), /Your ticket \*\*SR-2026-000001\*\* is open\. Our first response is due within one business day, by Tue 24 Nov 2026, 10:00 \(Europe\/Madrid\)/);
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.category, 'commercial');
        assert.equal(ticket?.kind, null);
        assert.equal(ticket?.severity, null);
        assert.equal(ticket?.due_basis, 'business-day');
        assert.equal(ticket?.due_at, '2026-11-24T09:00:00.000Z');
        assert.equal(ticket?.partner_contact_email, 'escalations@contoso-cloud.example');
        assert.equal(ticket?.customer_email, 'alex@fabrikam.example');
        assert.match(ticket?.description ?? '', /4111 1111 1111 1111/, 'the partner keeps what the customer wrote');
        assert.equal(ticket?.description_redacted, 'Our last invoice charged us twice for the Microsoft 365 Business Premium licences, paid with card [card]');
    });

    it('advisory resolved by guidance: "yes" closes the case and records it as resolved', async () => {
        const understood = await bot.say('How do we share a SharePoint site with external users from a partner company?');
        assert.match(visibleText(understood), /Technical[\s\S]*Microsoft 365[\s\S]*how-to/);
        const guidance = await bot.click(button(understood, "Yes, that's right"));
        assert.match(visibleText(guidance), /external/i);
        const resolved = await bot.click(button(guidance, "Yes, it's solved"));
        assert.match(visibleText(resolved), /recorded it as solved under \*\*SR-2026-000001\*\*/);
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.status, 'resolved');
        assert.equal(ticket?.resolution, 'guidance');
        assert.equal(ticket?.kind, 'advisory');
        assert.equal(ticket?.guidance_article_id, 'sharepoint-external-sharing');
    });

    it('lets the customer correct what the bot understood, and asks the product when it cannot tell', async () => {
        const asked = await bot.say('Something is wrong with the thing we use for our sales team, it shows an error');
        assert.match(visibleText(asked), /Which service is this about/);
        const confirm = await bot.click(button(asked, 'Dynamics 365'));
        assert.match(visibleText(confirm), /Dynamics 365/);
        const category = await bot.click(button(confirm, 'No, let me correct it'));
        assert.match(visibleText(category), /billing, licences or subscriptions/);
        const product = await bot.say('2');
        assert.match(visibleText(product), /Which service/);
        const kind = await bot.say('Dynamics 365');
        assert.match(visibleText(kind), /broken/);
        const impact = await bot.say('something is broken');
        assert.match(visibleText(impact), /How much does this affect your business/);
        const told = await bot.say('only me, not urgent');
        assert.match(visibleText(told), /Severity C[\s\S]*within 8 hours/);
    });

    it('help, phone support, a person, start over and cancel work at any point', async () => {
        const impactQuestion = await bot.say('Teams calls keep dropping for everyone, the audio breaks up with an error');
        await bot.click(button(impactQuestion, "Yes, that's right"));
        const help = await bot.say('help');
        assert.match(visibleText(help), /start over[\s\S]*cancel/);
        assert.match(visibleText(help), /How much does this affect your business/, 'the current question is asked again');
        const phone = await bot.say('can I call you? phone support please');
        assert.match(visibleText(phone), /doesn't offer phone support/);
        const person = await bot.say('I want to talk to a real person');
        assert.match(visibleText(person), /A person from Contoso Cloud Services's support desk will pick this up/);
        const restart = await bot.say('start over');
        assert.match(visibleText(restart), /Let's start over[\s\S]*What can I help you with/);
        const cancelled = await bot.say('cancel');
        assert.match(visibleText(cancelled), /Cancelled; nothing was filed/);
        assert.equal((await bot.tickets()).length, 0);
        const again = await bot.say('I need to cancel my Azure subscription');
        assert.match(visibleText(again), /Commercial[\s\S]*Azure/, '"cancel" inside a sentence is an issue, not a command');
    });

    it("the partner's own tenant is told it needs its own support plan, and the plan is carried on the ticket", async () => {
        // In Teams, where the tenant is vouched for (a tenant written by a Web Chat client counts for nothing).
        const tenant = '00000000-0000-4000-8000-000000000001';
        const teams = (fields: Record<string, unknown>) => bot.send({ from: { id: '29:dana', name: 'Dana Reyes' }, channelData: { tenant: { id: tenant } }, conversation: { id: 'a:own-1', tenantId: tenant }, ...fields }, 'a:own-1', 'msteams');
        const click = (data: Record<string, unknown>) => teams({ value: data });
        const notice = await teams({ text: 'Azure VM will not start, AllocationFailed error' });
        assert.match(visibleText(notice), /own Microsoft tenant[\s\S]*MPN agreement ID, a Premier Support plan or an Azure support plan/);
        const bad = await teams({ text: '!!' });
        assert.match(visibleText(bad), /support plan ID/);
        const understood = await teams({ text: 'PLAN-12345' });
        assert.match(visibleText(understood), /noted support plan \*\*PLAN-12345\*\*[\s\S]*Azure/);
        const impact = await click(button(understood, "Yes, that's right"));
        const severity = await click(button(impact, 'Moderate'));
        await click(button(severity, /No, I still need help/));
        await teams({ text: 'me@contoso-cloud.example' });
        const summary = await teams({ text: 'Contoso Cloud Services' });
        assert.match(visibleText(summary), /PLAN-12345/);
        await click(button(summary, 'Open the ticket'));
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.support_plan_id, 'PLAN-12345');
        assert.equal(ticket?.customer_tenant_id, '00000000-0000-4000-8000-000000000001');
    });

    it('a plain-text channel gets numbered options instead of cards', async () => {
        const replies = await bot.send({ text: 'Intune enrollment of Windows laptops fails with error 0x80180014' }, 'sms-1', 'sms');
        assert.ok(replies.every((r) => !r.attachments?.length));
        assert.match(visibleText(replies), /1\. Yes, that's right\n2\. No, let me correct it/);
        const impact = await bot.send({ text: '1' }, 'sms-1', 'sms');
        assert.match(visibleText(impact), /1\. Critical/);
    });
});
