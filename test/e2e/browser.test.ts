import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, botWithChromium, consoleProblems } from '../helpers/chromium';

/** Clicks the newest button with this name (older cards keep their buttons). */
async function click(page: Page, name: string | RegExp): Promise<void> {
    const button = page.getByRole('button', { name }).last();
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
}

async function type(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
}

describe('Web Chat in a real browser (Chromium)', function () {
    this.timeout(120_000);
    const rig = botWithChromium();

    it('a visitor reports a problem through the chat page and gets a stored ticket', async () => {
        const page = await rig.browser.newPage({ locale: 'en-US' });
        const problems = consoleProblems(page);
        await page.goto(rig.bot.baseUrl);
        await page.getByText(/Contoso Cloud Services support assistant/).first().waitFor({ timeout: 30_000 });

        await type(page, 'Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        await page.getByText(/Here is what I understood|Is something broken/).last().waitFor({ timeout: 20_000 });
        if (await page.getByRole('button', { name: 'Something is broken or not working' }).count()) await click(page, 'Something is broken or not working');
        await click(page, "Yes, that's right");
        await click(page, 'Critical');
        await page.getByText(/Severity A/).first().waitFor({ timeout: 20_000 });
        await click(page, 'No, I still need help');
        await page.getByText(/What is your name|e-mail address/).last().waitFor({ timeout: 20_000 });
        if (await page.getByText('What is your name?').count()) {
            await type(page, 'Alex Kim');
            await page.getByText(/e-mail address/).last().waitFor({ timeout: 20_000 });
        }
        await type(page, 'alex.kim@fabrikam.example');
        await page.getByText('Which organisation (company) are you with?').last().waitFor({ timeout: 20_000 });
        await type(page, 'Fabrikam Ltd');
        await click(page, 'Open the ticket');
        await page.getByText(/SR-2026-000001/).first().waitFor({ timeout: 20_000 });

        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-ticket.png'), fullPage: true });

        const [ticket] = await rig.bot.tickets();
        assert.equal(ticket?.number, 'SR-2026-000001');
        assert.equal(ticket?.channel_id, 'directline');
        assert.equal(ticket?.severity, 'A');
        assert.equal(ticket?.customer_email, 'alex.kim@fabrikam.example');
        assert.equal(ticket?.customer_organisation, 'Fabrikam Ltd');
        assert.deepEqual(problems, [], 'no console warning or error in a whole conversation');
    });

    const FIRST_SCREENS = [
        { locale: 'en-US', lang: 'en', title: 'Contoso Cloud Services support chat', heading: 'Contoso Cloud Services support', asks: 'What can I help you with?', terms: 'Support terms', hours: 'Hours of service', tooLong: 'Your message is too long to send: 4000 characters at most.' },
        { locale: 'es-ES', lang: 'es', title: 'Chat de soporte de Contoso Cloud Services', heading: 'Soporte de Contoso Cloud Services', asks: '¿En qué puedo ayudarle?', terms: 'Condiciones de soporte', hours: 'Horario de atención', tooLong: 'Su mensaje es demasiado largo para enviarlo: como máximo 4000 caracteres.' },
        { locale: 'pt-BR', lang: 'pt-BR', title: 'Chat de suporte da Contoso Cloud Services', heading: 'Suporte da Contoso Cloud Services', asks: 'Como posso ajudar?', terms: 'Condições de suporte', hours: 'Horário de atendimento', tooLong: 'Sua mensagem é longa demais para ser enviada: no máximo 4000 caracteres.' },
        { locale: 'ru-RU', lang: 'ru', title: 'Чат поддержки Contoso Cloud Services', heading: 'Поддержка Contoso Cloud Services', asks: 'Чем могу помочь?', terms: 'Условия поддержки', hours: 'Часы работы', tooLong: 'Сообщение слишком длинное: не более 4000 символов.' },
    ];
    for (const c of FIRST_SCREENS) {
        it(`${c.locale}: the first screen asks what it can help with in the visitor's language, with the support terms a tap away`, async () => {
            const page = await rig.browser.newPage({ locale: c.locale, viewport: { width: 390, height: 700 } });
            const problems = consoleProblems(page);
            await page.goto(rig.bot.baseUrl);
            assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
            assert.equal(await page.title(), c.title);
            assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), c.heading);
            const greeting = page.getByText(c.asks).first();
            await greeting.waitFor({ timeout: 30_000 });
            assert.ok(await greeting.isVisible());
            assert.equal(await page.getByText(c.hours, { exact: true }).count(), 0, 'the terms wait for a tap');
            // The greeting is all in view (not a tall card scrolled into its middle), and the send box has the focus.
            const box = await page.locator('.webchat__bubble').first().boundingBox();
            assert.ok(box && box.y >= 0 && box.y + box.height <= 700, `greeting in view: ${JSON.stringify(box)}`);
            await page.waitForFunction("document.activeElement?.matches('input, textarea')", undefined, { timeout: 10_000 });
            const shots = path.join(ARTIFACTS, 'screenshots', 'first-screen');
            mkdirSync(shots, { recursive: true });
            await page.screenshot({ path: path.join(shots, `${c.locale}.png`) });

            await page.getByRole('button', { name: c.terms }).first().click();
            await page.getByText(c.hours, { exact: true }).first().waitFor({ timeout: 20_000 });
            await page.screenshot({ path: path.join(shots, `${c.locale}-terms.png`) });
            const favicon = await page.request.get(`${rig.bot.baseUrl}/favicon.ico`);
            assert.equal(favicon.status(), 200);
            assert.equal(favicon.headers()['content-type'], 'image/x-icon');
            assert.deepEqual(problems, []);
        });
    }

    it('a paste over the message limit is stopped in the send box with a reason in the visitor\'s language', async () => {
        const page = await rig.browser.newPage({ locale: 'es-ES' });
        const problems = consoleProblems(page);
        await page.goto(rig.bot.baseUrl);
        await page.getByText('¿En qué puedo ayudarle?').first().waitFor({ timeout: 30_000 });
        const posted: string[] = [];
        page.on('request', (r) => {
            // Typing indicators may go out while the visitor pastes; a message must not.
            if (r.method() === 'POST' && r.url().endsWith('/activities') && (r.postDataJSON() as { type?: string } | null)?.type !== 'typing') posted.push(r.url());
        });
        const box = page.getByRole('textbox').last();
        await box.fill('x'.repeat(4001));
        await box.press('Enter');
        await page.getByText(FIRST_SCREENS[1]?.tooLong ?? '').first().waitFor({ timeout: 10_000 });
        await page.waitForTimeout(1000);
        assert.deepEqual(posted, [], 'nothing was sent');
        assert.equal((await box.inputValue()).length, 4001, 'the text stays to be shortened');
        assert.equal(await page.getByText(/Send failed|No se pudo enviar/).count(), 0);
        await box.fill('La VM de Azure no arranca');
        await box.press('Enter');
        await page.getByText('La VM de Azure no arranca').first().waitFor({ timeout: 10_000 });
        assert.equal(await page.getByText(FIRST_SCREENS[1]?.tooLong ?? '').count(), 0, 'the reason goes once the text fits');
        assert.deepEqual(problems, []);
    });
});
