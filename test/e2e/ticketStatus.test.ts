import assert from 'node:assert/strict';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';

const FABRIKAM = '11111111-2222-4333-8444-555555555555';
const NORTHWIND = '66666666-7777-4888-9999-000000000000';

describe('ticket status for customers', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { CUSTOMERS_FILE: 'config/customers.example.json' } });
    });
    afterEach(() => bot.stop());

    const alex = { from: { id: 'user-1', name: 'Alex Kim' } };
    const pat = { from: { id: 'user-2', name: 'Pat Lee' } };

    it('on Web Chat: the customer who gave the organisation gets status and due time; another organisation is told the same as for an unknown number', async () => {
        await openTicketByChat(bot, { conversationId: 'web-alex', activity: alex, email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        await openTicketByChat(bot, { conversationId: 'web-pat', activity: pat, email: 'pat@northwind.example', organisation: 'Northwind Traders' });
        const [fabrikam] = await bot.tickets();
        assert.equal(fabrikam?.number, 'SR-2026-000001');

        const own = await bot.send({ ...alex, text: 'What is the status of SR-2026-000001?' }, 'web-alex-2');
        assert.equal(visibleText(own), 'Ticket **SR-2026-000001** is **open, waiting for our team**. Our first response is due by Tue 24 Nov 2026, 10:00 (Europe/Madrid).');

        const other = await bot.send({ ...pat, text: 'What is the status of SR-2026-000001?' }, 'web-pat-2');
        const unknown = await bot.send({ ...pat, text: 'What is the status of SR-2026-000999?' }, 'web-pat-2');
        assert.equal(visibleText(other), "I can't find a ticket **SR-2026-000001** for your organisation. Please check the number, or write to support@contoso-cloud.example.");
        assert.equal(visibleText(unknown), visibleText(other).replace('000001', '000999'), 'existence is not revealed');

        const stranger = await bot.send({ from: { id: 'user-9', name: 'Sam' }, text: 'SR-2026-000001' }, 'web-stranger');
        assert.match(visibleText(stranger), /can't find a ticket/, 'knowing the number is not enough');
    });

    it('in Teams, by tenant and in the asker’s language: Spanish for Fabrikam, Russian refusal for Northwind', async () => {
        const teams = (tenant: string, from: Record<string, string>, locale: string) => ({ from, locale, channelData: { tenant: { id: tenant } } });
        await openTicketByChat(bot, {
            conversationId: 'a:fabrikam-1',
            channelId: 'msteams',
            activity: teams(FABRIKAM, { id: 'aad-1', name: 'Alex Kim' }, 'en-US'),
            issue: 'Outlook is not receiving any emails since this morning, Exchange Online shows an error',
            impact: 'critical',
            email: 'alex@fabrikam.example',
        });
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.customer_tenant_id, FABRIKAM);

        const colleague = await bot.send({ ...teams(FABRIKAM, { id: 'aad-2', name: 'Lucía Gómez' }, 'es-ES'), text: '¿Cuál es el estado del SR-2026-000001?' }, 'a:fabrikam-2', 'msteams');
        assert.equal(visibleText(colleague), 'El ticket **SR-2026-000001** está **abierto, pendiente de nuestro equipo**. Gravedad: **A**. Nuestra primera respuesta está prevista a más tardar el lun 23 nov 2026, 12:00 (Europe/Madrid).');

        const portuguese = await bot.send({ ...teams(FABRIKAM, { id: 'aad-3', name: 'João' }, 'pt-BR'), text: 'status do chamado SR-2026-000001' }, 'a:fabrikam-3', 'msteams');
        assert.match(visibleText(portuguese), /O chamado \*\*SR-2026-000001\*\* está \*\*aberto, aguardando nossa equipe\*\*\. Gravidade: \*\*A\*\*/);

        const northwind = await bot.send({ ...teams(NORTHWIND, { id: 'aad-9', name: 'Иван' }, 'ru-RU'), text: 'статус SR-2026-000001' }, 'a:northwind-1', 'msteams');
        assert.equal(visibleText(northwind), 'Заявка **SR-2026-000001** вашей организации не найдена. Проверьте номер или напишите на support@contoso-cloud.example.');
    });

    it('answers in the middle of an intake and asks the pending question again', async () => {
        await openTicketByChat(bot, { conversationId: 'web-alex', activity: alex, email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        const understood = await bot.send({ ...alex, text: 'Teams calls keep dropping for everyone, the audio breaks up with an error' }, 'web-alex-2');
        assert.match(visibleText(understood), /Technical/);
        const status = await bot.send({ ...alex, text: 'any update on SR-2026-000001?' }, 'web-alex-2');
        assert.match(visibleText(status), /^Ticket \*\*SR-2026-000001\*\* is \*\*open, waiting for our team\*\*/);
        assert.match(visibleText(status), /Technical[\s\S]*Microsoft 365/, 'the confirmation card comes again');
        assert.equal((await bot.tickets()).length, 1, 'the question did not become a ticket');
    });
});
