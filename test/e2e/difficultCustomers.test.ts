import assert from 'node:assert/strict';
import { BotHarness, button, choice, promptOf, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const ADMIN = 'aaaaaaaa-0000-4000-8000-0000000000ad';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';

/** What the conversation scripts do not check on their own: events, validation, the wording of re-prompts. */
describe('difficult customers: what the ticket keeps and how the bot asks again', () => {
    let bot: BotHarness;
    afterEach(() => bot.stop());

    it('a restatement replaces the case; the first statement is kept as a ticket event', async () => {
        bot = await BotHarness.start();
        const understood = await bot.say('Teams keeps crashing for the whole sales team since the update this morning');
        assert.match(visibleText(understood), /Technical[\s\S]*Microsoft 365/);
        const restated = await bot.say("wait, that's not it — our invoice lists the same Business Premium licences twice this month");
        assert.match(visibleText(restated), /I'll go with that instead[\s\S]*Commercial/);
        const guidance = await bot.click(choice(restated, 'intake-confirm', 'yes'));
        const escalate = await bot.click(choice(guidance, 'guidance-solved', 'no'));
        assert.match(visibleText(escalate), /e-mail/);
        await bot.say('alex@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        await bot.click(choice(summary, 'escalation-confirm', 'confirm'));
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.category, 'commercial');
        assert.match(ticket?.description ?? '', /invoice lists the same Business Premium licences twice/);
        assert.doesNotMatch(ticket?.description ?? '', /Teams keeps crashing/);
        const events = await bot.app.tickets.events(ticket?.id ?? 0);
        const restatedEvent = events.find((e) => e.type === 'case.restated');
        assert.match(restatedEvent?.data ?? '', /Teams keeps crashing/, 'the first statement is kept');
    });

    it('a one-field correction ("it\'s Dynamics, not Azure") changes that field and keeps the description', async () => {
        bot = await BotHarness.start({ env: {} });
        await bot.say('hola');
        const understood = await bot.say('Nuestros usuarios no pueden abrir los informes desde esta mañana, sale un error de permisos', undefined, { locale: 'es-ES' });
        assert.ok(promptOf(understood));
        const corrected = await bot.send({ text: 'no es Azure, es Dynamics', locale: 'es-ES' });
        assert.match(visibleText(corrected), /Gracias, lo he corregido[\s\S]*Dynamics 365/);
    });

    it('the support-plan question refuses a word that is no plan ID, and takes one', async () => {
        bot = await BotHarness.start();
        const tenant = '00000000-0000-4000-8000-000000000001';
        const teams = (text: string) => bot.send({ from: { id: '29:dana', name: 'Dana' }, channelData: { tenant: { id: tenant } }, conversation: { id: 'a:own', tenantId: tenant }, text }, 'a:own', 'msteams');
        assert.match(visibleText(await teams('Azure VM will not start, AllocationFailed error')), /support plan/);
        assert.match(visibleText(await teams('accept')), /support plan ID/, '"accept" is no ID');
        assert.match(visibleText(await teams('12345678')), /noted support plan \*\*12345678\*\*/);
    });

    it('a missed question is restated with its choices; the second miss offers a person, who is brought in when chosen', async () => {
        bot = await BotHarness.start({ env: { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN } });
        await bot.send({ type: 'installationUpdate', action: 'add', from: { id: `29:${ADMIN}`, name: 'Ada', aadObjectId: ADMIN }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: AGENTS_CHANNEL, conversationType: 'channel', tenantId: PARTNER_TENANT } }, AGENTS_CHANNEL, 'msteams');
        const understood = await bot.say('Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        const impact = await bot.click(button(understood, "Yes, that's right"));
        assert.equal(promptOf(impact), 'impact');
        const first = visibleText(await bot.say('banana'));
        assert.match(first, /Sorry, I didn't catch that\. How much does this affect your business\? You can answer \*\*Critical\*\*, \*\*Moderate\*\* or \*\*Minimal\*\*/);
        assert.doesNotMatch(first, /Talk to a person/);
        const second = await bot.say('purple');
        assert.match(visibleText(second), /choose \*\*Talk to a person\*\*/);
        const queued = await bot.click(choice(second, 'impact', 'person'));
        assert.match(visibleText(queued), /number 1 in the queue/);
    });

    it('an explicit correction right after the ticket goes onto that ticket', async () => {
        bot = await BotHarness.start();
        await openTicketByChat(bot, { conversationId: 'conv-1', issue: 'Invoice 8812 charges us for 30 Microsoft 365 E3 licences but we only have 25', email: 'adriana@terranobre.example', organisation: 'Terra Nobre' });
        const amended = await bot.say('oops, I got the number wrong: it is invoice 8821, not 8812');
        assert.match(visibleText(amended), /added that to your ticket \*\*SR-2026-000001\*\*/);
        const [ticket, second] = await bot.tickets();
        assert.equal(second, undefined, 'no second ticket');
        assert.match(ticket?.description ?? '', /invoice 8821/);
        assert.ok((await bot.app.tickets.events(ticket?.id ?? 0)).some((e) => e.type === 'amended'));
    });

    it('the support terms label the partner’s phone for what it is, so the bot never contradicts itself', async () => {
        bot = await BotHarness.start();
        await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] });
        const terms = visibleText(await bot.say('Support terms'));
        assert.match(terms, /Phone[\s\S]*office and accounts only; support requests by chat or e-mail/);
        const phone = visibleText(await bot.say('is there a number I can ring?'));
        assert.match(phone, /doesn't offer phone support/);
    });
});
