import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { BotHarness, choice, visibleText } from '../helpers/botHarness';

/** Saturday 28 November 2026, 22:00 in Madrid: outside the partner's hours. */
const SATURDAY_NIGHT = DateTime.fromISO('2026-11-28T21:00:00Z', { zone: 'utc' });

interface LanguageCase {
    language: string;
    locale: string;
    greeting: string;
    /** What the greeting's "Support terms" button sends, in this language. */
    terms: string;
    issue: string;
    product: string;
    email: string;
    organisation: string;
    /** Words only this language has, so the replies are provably in it. */
    expect: RegExp[];
    severityLine: RegExp;
    ticketLine: RegExp;
}

const CASES: LanguageCase[] = [
    {
        language: 'Spanish',
        locale: 'es-ES',
        greeting: 'hola',
        terms: 'condiciones de soporte',
        issue: 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error',
        product: 'microsoft365',
        email: 'lucia@fabrikam.example',
        organisation: 'Fabrikam España',
        expect: [/asistente de soporte/, /Horario de atención|horario/i, /Lunes/],
        severityLine: /gravedad A\*\*[\s\S]*2 horas hábiles[\s\S]*lun 30 nov 2026, 11:00 \(Europe\/Madrid\)/,
        ticketLine: /Hemos abierto su ticket \*\*SR-2026-000001\*\* con \*\*gravedad A\*\*/,
    },
    {
        language: 'Brazilian Portuguese',
        locale: 'pt-BR',
        greeting: 'oi',
        terms: 'Condições de suporte',
        issue: 'O Outlook não está recebendo e-mails desde hoje cedo, o Exchange Online dá erro',
        product: 'microsoft365',
        email: 'joao@fabrikam.example',
        organisation: 'Fabrikam Brasil',
        expect: [/assistente de suporte/, /Segunda-feira/],
        severityLine: /gravidade A\*\*[\s\S]*2 horas úteis[\s\S]*seg\.? 30 nov\.? 2026, 11:00 \(Europe\/Madrid\)/,
        ticketLine: /Seu chamado \*\*SR-2026-000001\*\* foi aberto com \*\*gravidade A\*\*/,
    },
    {
        language: 'Russian',
        locale: 'ru-RU',
        greeting: 'здравствуйте',
        terms: 'Условия поддержки',
        issue: 'Не приходит почта в Outlook с утра, Exchange Online выдает ошибку',
        product: 'microsoft365',
        email: 'ivan@fabrikam.example',
        organisation: 'Фабрикам',
        expect: [/Понедельник/, /поддержк/],
        severityLine: /уровню серьезности A\*\*[\s\S]*2 ч рабочего времени[\s\S]*пн 30 нояб\.? 2026, 11:00 \(Europe\/Madrid\)/,
        ticketLine: /Ваша заявка \*\*SR-2026-000001\*\* создана с \*\*уровнем серьезности A\*\*/,
    },
];

describe('the whole conversation in each language', () => {
    let bot: BotHarness;
    afterEach(async () => {
        await bot.stop();
    });

    for (const c of CASES) {
        it(`${c.language}: Saturday-night Severity A is due within business hours, and every reply is in ${c.language}`, async () => {
            bot = await BotHarness.start({ now: SATURDAY_NIGHT });
            const send = (activity: Record<string, unknown>) => bot.send({ locale: c.locale, ...activity });
            // The greeting, then the support terms it offers a button for.
            const welcome = [...(await send({ text: c.greeting })), ...(await send({ text: c.terms }))];
            for (const pattern of c.expect) assert.match(visibleText(welcome), pattern);
            let replies = await send({ text: c.issue });
            for (let i = 0; i < 2 && /intake-(product|kind|category)/.test(JSON.stringify(replies)); i++) {
                const prompt = /intake-(product|kind|category)/.exec(JSON.stringify(replies))?.[0] as string;
                const value = { 'intake-product': c.product, 'intake-kind': 'break-fix', 'intake-category': 'technical' }[prompt] as string;
                replies = await send({ value: choice(replies, prompt, value) });
            }
            const impact = await send({ value: choice(replies, 'intake-confirm', 'yes') });
            assert.doesNotMatch(visibleText(impact), /How much does this affect/);
            const severity = await send({ value: choice(impact, 'impact', 'critical') });
            assert.match(visibleText(severity), c.severityLine);
            const stay = await send({ value: choice(severity, 'impact-english', 'no') });
            const contact = await send({ value: choice(stay, 'guidance-solved', 'no') });
            assert.doesNotMatch(visibleText(contact), /e-mail address should we use/);
            await send({ text: c.email });
            const summary = await send({ text: c.organisation });
            const done = await send({ value: choice(summary, 'escalation-confirm', 'confirm') });
            assert.match(visibleText(done), c.ticketLine);
            const [ticket] = await bot.tickets();
            assert.equal(ticket?.language, c.locale.slice(0, 2));
            assert.equal(ticket?.severity, 'A');
            assert.equal(ticket?.due_basis, 'business-hours');
            assert.equal(ticket?.due_at, '2026-11-30T10:00:00.000Z', 'Monday 11:00 Madrid: two business hours after opening');
        });
    }

    it('English on Saturday night: Severity A is due two hours later, around the clock', async () => {
        bot = await BotHarness.start({ now: SATURDAY_NIGHT });
        const understood = await bot.describe('Outlook is not receiving any emails, Exchange Online shows an error', { kind: 'break-fix' });
        const impact = await bot.click(choice(understood, 'intake-confirm', 'yes'));
        const severity = await bot.click(choice(impact, 'impact', 'critical'));
        assert.match(visibleText(severity), /within 2 hours, by Sun 29 Nov 2026, 00:00 \(Europe\/Madrid\)/);
        assert.doesNotMatch(visibleText(severity), /continue in English/);
    });

    it('a Spanish Severity A customer who switches to English gets the around-the-clock time', async () => {
        bot = await BotHarness.start({ now: SATURDAY_NIGHT });
        const send = (activity: Record<string, unknown>) => bot.send({ locale: 'es-MX', ...activity });
        let replies = await send({ text: 'La VM de Azure no arranca, error AllocationFailed, producción caída' });
        if (/intake-kind/.test(JSON.stringify(replies))) replies = await send({ value: choice(replies, 'intake-kind', 'break-fix') });
        const impact = await send({ value: choice(replies, 'intake-confirm', 'yes') });
        const severity = await send({ value: choice(impact, 'impact', 'critical') });
        assert.match(visibleText(severity), /continuar en inglés/);
        const english = await send({ value: choice(severity, 'impact-english', 'yes') });
        assert.match(visibleText(english), /OK, we'll continue in English\. Our first response is due within 2 hours, by Sun 29 Nov 2026, 00:00 \(Europe\/Madrid\)/);
        assert.match(visibleText(english), /Did this solve your problem|No, I still need help/, 'the conversation goes on in English');
    });

    it('the customer can switch language at any time, and the current question is asked again in it', async () => {
        bot = await BotHarness.start();
        await bot.say('hi');
        const spanish = await bot.say('en español');
        assert.match(visibleText(spanish), /De acuerdo, seguimos en español/);
        assert.match(visibleText(spanish), /¿En qué (le )?puedo ayudar/);
        const english = await bot.say('in English please');
        assert.match(visibleText(english), /OK, I'll continue in English/);
    });

    it('without a locale, the language of the first message is used', async () => {
        bot = await BotHarness.start();
        const replies = await bot.send({ locale: undefined, text: 'Здравствуйте, не работает почта в Outlook, выдает ошибку' });
        assert.match(visibleText(replies), /Понедельник|Вот что мне удалось понять|Какой сервис|Что-то сломалось/);
    });
});
