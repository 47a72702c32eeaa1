import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LANGUAGES } from '../../src/policy/types';
import { ARTIFACTS, botWithChromium, consoleProblems } from '../helpers/chromium';
import { sampleCards } from '../helpers/sampleCards';

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: string[] }>;
}

interface AxeResult {
    violations: AxeViolation[];
    /** Rules checked and passed: proof that axe looked at the page. */
    passes: number;
}

/** Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page. */
async function axe(page: Page): Promise<AxeResult> {
    if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ path: AXE });
    return (await page.evaluate(
        "window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => ({ violations: r.violations, passes: r.passes.length }))",
    )) as AxeResult;
}

const serious = ({ violations }: AxeResult) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/** What has the keyboard focus: its tag, role and accessible text. */
function focused(page: Page): Promise<{ tag: string; role: string; name: string }> {
    return page.evaluate(
        "(() => { const e = document.activeElement; return { tag: e ? e.tagName : '', role: (e && e.getAttribute('role')) || '', name: ((e && (e.getAttribute('aria-label') || e.textContent)) || '').trim() }; })()",
    ) as Promise<{ tag: string; role: string; name: string }>;
}

/** Tabs (forwards or backwards) until the focus matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (f: { tag: string; role: string; name: string }) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 30): Promise<void> {
    for (let i = 0; i < limit; i++) {
        if (matches(await focused(page))) return;
        await page.keyboard.press(key);
    }
    throw new Error(`tabTo(): never reached; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Types into the send box and sends, with the keyboard only. */
async function typeAndSend(page: Page, text: string): Promise<void> {
    await tabTo(page, (f) => f.tag === 'INPUT' || f.tag === 'TEXTAREA');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
}

/**
 * Presses the newest card button with this name, with the keyboard only, the way Web Chat's
 * transcript works: from the send box back to the transcript, the arrow keys to the newest
 * message, Enter into it, Tab to the button, Enter; Escape back out.
 */
async function pressCardButton(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name }).last().waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.role === 'group' && /chat history/i.test(f.name), 'Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.name === name);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
}

describe('Accessibility of the chat page (Chromium, axe-core, keyboard only)', function () {
    this.timeout(180_000);
    const rig = botWithChromium();
    const results: Record<string, AxeResult> = {};

    after(() => {
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(path.join(ARTIFACTS, 'axe-results.json'), JSON.stringify(results, null, 2));
    });

    for (const language of LANGUAGES) {
        it(`${language}: axe finds no serious or critical violation with every card on the page`, async () => {
            const page = await rig.browser.newPage({ locale: { en: 'en-US', es: 'es-ES', pt: 'pt-BR', ru: 'ru-RU' }[language], bypassCSP: true });
            const token = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'));
            await page.goto(rig.bot.baseUrl);
            const { conversationId } = (await (await token).json()) as { conversationId: string };
            await page.locator('.webchat__bubble').first().waitFor({ timeout: 30_000 });
            const first = await axe(page);
            const samples = sampleCards(language);
            for (const sample of samples) rig.bot.app.directLine.store.append(conversationId, { type: 'message', from: { id: 'bot', name: 'Support', role: 'bot' }, attachments: [sample.card.attachment] });
            await page.locator('.webchat__bubble .ac-adaptiveCard').nth(samples.length - 1).waitFor({ timeout: 20_000 });
            const withCards = await axe(page);
            results[`${language}: first screen`] = first;
            results[`${language}: every card`] = withCards;
            assert.ok(first.passes > 10 && withCards.passes > 10, 'axe ran its rules');
            assert.deepEqual([...serious(first), ...serious(withCards)], []);
        });
    }

    it('the whole intake with the keyboard alone, from the first message to the ticket', async () => {
        const page = await rig.browser.newPage({ locale: 'en-US' });
        const problems = consoleProblems(page);
        await page.goto(rig.bot.baseUrl);
        await page.getByText('What can I help you with?').first().waitFor({ timeout: 30_000 });
        await typeAndSend(page, 'Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        await page.getByText(/Here is what I understood|Is something broken/).last().waitFor({ timeout: 20_000 });
        if (await page.getByRole('button', { name: 'Something is broken or not working' }).count()) await pressCardButton(page, 'Something is broken or not working');
        await pressCardButton(page, "Yes, that's right");
        await pressCardButton(page, 'Critical');
        await page.getByText(/Severity A/).first().waitFor({ timeout: 20_000 });
        await pressCardButton(page, 'No, I still need help');
        await page.getByText(/What is your name|e-mail address/).last().waitFor({ timeout: 20_000 });
        if (await page.getByText('What is your name?').count()) {
            await typeAndSend(page, 'Alex Kim');
            await page.getByText(/e-mail address/).last().waitFor({ timeout: 20_000 });
        }
        await typeAndSend(page, 'alex.kim@fabrikam.example');
        await page.getByText('Which organisation (company) are you with?').last().waitFor({ timeout: 20_000 });
        await typeAndSend(page, 'Fabrikam Ltd');
        await pressCardButton(page, 'Open the ticket');
        await page.getByText(/SR-2026-000001/).first().waitFor({ timeout: 20_000 });
        const [ticket] = await rig.bot.tickets();
        assert.equal(ticket?.severity, 'A');
        assert.equal(ticket?.customer_organisation, 'Fabrikam Ltd');
        assert.deepEqual(problems, []);
    });

    it('the rating buttons each say what they mean to a screen reader', async () => {
        const page = await rig.browser.newPage({ locale: 'en-US', bypassCSP: true });
        const token = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'));
        await page.goto(rig.bot.baseUrl);
        const { conversationId } = (await (await token).json()) as { conversationId: string };
        const rating = sampleCards('en').find((s) => s.name === 'rating');
        rig.bot.app.directLine.store.append(conversationId, { type: 'message', from: { id: 'bot', name: 'Support', role: 'bot' }, attachments: [rating?.card.attachment] });
        const names = ['1 – Poor', '2 – Fair', '3 – Good', '4 – Very good', '5 – Excellent'];
        for (const name of names) {
            // The last: Web Chat also renders a copy of each message for its live region.
            const button = page.getByRole('button', { name, exact: true }).last();
            await button.waitFor({ timeout: 20_000 });
            assert.equal(await button.getAttribute('aria-label'), name);
        }
        assert.deepEqual(serious(await axe(page)), []);
    });
});
