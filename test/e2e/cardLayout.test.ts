import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/policy/types';
import { BotHarness } from '../helpers/botHarness';
import { ARTIFACTS, consoleProblems, launchChromium, layoutProblems, requireChromium, type LayoutProblem } from '../helpers/chromium';
import { sampleCards } from '../helpers/sampleCards';

const BROWSER_LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', ru: 'ru-RU' };
const WIDTHS = [320, 1280];
/** Top-level cards in the transcript (a ShowCard's card is nested inside its parent). */
const CARD = '.webchat__bubble .ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';
const SHOTS = path.join(ARTIFACTS, 'screenshots', 'cards');

/** Opens the chat page and returns the Direct Line conversation it started. */
async function openChat(page: Page, baseUrl: string): Promise<string> {
    const token = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'));
    await page.goto(baseUrl);
    const { conversationId } = (await (await token).json()) as { conversationId: string };
    await page.locator('.webchat__bubble').first().waitFor({ timeout: 30_000 });
    return conversationId;
}

describe('Cards in a real browser: every card in every language at 320 and 1280 px', function () {
    this.timeout(300_000);
    let bot: BotHarness;
    let browser: Browser;
    const screenshots: string[] = [];

    before(async function () {
        requireChromium(this);
        bot = await BotHarness.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await bot?.stop();
        if (screenshots.length) writeFileSync(path.join(SHOTS, 'index.txt'), `${screenshots.join('\n')}\n`);
    });

    for (const language of LANGUAGES) {
        it(`${language}: no word split across lines, no label over two lines; screenshots saved`, async () => {
            const page = await browser.newPage({ locale: BROWSER_LOCALE[language], viewport: { width: 1280, height: 1600 } });
            const problems = consoleProblems(page);
            const conversationId = await openChat(page, bot.baseUrl);
            const samples = sampleCards(language);
            const before = await page.locator(CARD).count();
            for (const sample of samples) {
                bot.app.directLine.store.append(conversationId, { type: 'message', from: { id: 'bot', name: 'Support', role: 'bot' }, locale: BROWSER_LOCALE[language], attachments: [sample.card.attachment] });
            }
            await page.locator(CARD).nth(before + samples.length - 1).waitFor({ timeout: 20_000 });
            // The guidance steps open in place: measure them too.
            const closed = page.locator(`${CARD} .ac-pushButton[aria-expanded="false"]`);
            for (let n = await closed.count(); n > 0; n--) await closed.first().click();

            const found: Array<LayoutProblem & { card: string; width: number }> = [];
            for (const width of WIDTHS) {
                await page.setViewportSize({ width, height: 1600 });
                await page.waitForTimeout(300);
                const dir = path.join(SHOTS, language, String(width));
                mkdirSync(dir, { recursive: true });
                for (const [i, sample] of samples.entries()) {
                    for (const problem of await layoutProblems(page, CARD, before + i, sample.labels)) found.push({ ...problem, card: sample.name, width });
                    const file = path.join(dir, `${sample.name}.png`);
                    await page.locator(CARD).nth(before + i).screenshot({ path: file });
                    screenshots.push(path.relative(ARTIFACTS, file));
                }
            }
            assert.deepEqual(found, [], `layout problems:\n${found.map((p) => `${p.width}px ${p.card}: ${p.kind} "${p.text}" (${p.lines} lines)`).join('\n')}`);
            assert.deepEqual(problems, [], 'no console warnings or errors');
            await page.close();
        });
    }
});
