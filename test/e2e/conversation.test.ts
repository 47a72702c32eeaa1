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

    it('technical break-fix: hi → greeting with terms → issue → impact → severity → ticket row', async () => {
        const greeting = await bot.say('hi');
        const welcome = visibleText(greeting);
        assert.match(welcome, /Contoso Cloud Services support assistant/);
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
        assert.equal(ticket.status, 'open');
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
});
