import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { BotHarness } from '../helpers/botHarness';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(projectRoot(), 'test-artifacts');

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
    let bot: BotHarness;
    let browser: Browser;

    before(function () {
        // CI installs Debian's chromium (.ci/run); a developer machine without it skips, saying why.
        if (!existsSync(CHROMIUM)) {
            if (process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
            this.skip();
        }
    });

    beforeEach(async () => {
        bot = await BotHarness.start();
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
    });

    afterEach(async () => {
        await browser?.close();
        await bot?.stop();
    });

    it('a visitor reports a problem through the chat page and gets a stored ticket', async () => {
        const page = await browser.newPage({ locale: 'en-US' });
        const pageErrors: string[] = [];
        page.on('pageerror', (err) => pageErrors.push(err.message));
        await page.goto(bot.baseUrl);
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

        const [ticket] = await bot.tickets();
        assert.equal(ticket?.number, 'SR-2026-000001');
        assert.equal(ticket?.channel_id, 'directline');
        assert.equal(ticket?.severity, 'A');
        assert.equal(ticket?.customer_email, 'alex.kim@fabrikam.example');
        assert.equal(ticket?.customer_organisation, 'Fabrikam Ltd');
        assert.deepEqual(pageErrors, []);
    });
});
