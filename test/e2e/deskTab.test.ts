import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { FakeIdentity } from '../fakes/fakeIdentity';
import type { BotHarness } from '../helpers/botHarness';
import { seedDesk, SEED_AGENTS } from '../helpers/deskSeed';
import { AGENT, deskBot } from '../helpers/deskIdentity';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(projectRoot(), 'test-artifacts', 'screenshots', 'tab');
const ZONE = 'Europe/Madrid';

interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical findings on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
        const page = globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
        return (await page.axe.run(page.document)).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const figure = async (page: Page, key: string): Promise<string> => (await page.locator(`[data-figure="${key}"] .value`).textContent()) ?? '';

describe('Desk tab in a real browser (Chromium): sign-in, Now, Reports, themes, accessibility', function () {
    this.timeout(180_000);
    const identity = new FakeIdentity();
    let bot: BotHarness;
    let browser: Browser;
    let context: BrowserContext;

    before(async function () {
        if (!existsSync(CHROMIUM)) {
            if (process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
            this.skip();
        }
        await identity.start();
        bot = await deskBot(identity, { AGENT_AAD_OBJECT_IDS: [AGENT.oid, ...SEED_AGENTS.map((a) => a.id)].join(',') });
        await seedDesk(bot.app.database.db, { tickets: 2000, from: bot.clock.minus({ days: 90 }).toJSDate(), now: bot.clock.toJSDate(), seed: 5 });
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
        // The fake Entra ID has a self-signed certificate; axe-core is injected past the page's CSP.
        context = await browser.newContext({ ignoreHTTPSErrors: true, bypassCSP: true, locale: 'en-US', viewport: { width: 1280, height: 900 } });
        mkdirSync(SHOTS, { recursive: true });
    });

    after(async () => {
        await browser?.close();
        await bot?.stop();
        await identity.stop();
    });

    it('signs an agent in through Entra ID and shows Now and Reports with the database’s figures, in light and dark, without serious accessibility problems', async () => {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        identity.signInAs = AGENT;
        await page.goto(`${bot.baseUrl}/desk`);
        await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
        await page.locator('body[data-now-loaded="true"]').waitFor({ timeout: 30_000 });
        assert.equal(await page.locator('#who').textContent(), 'Ana Ruiz');

        const db = bot.app.database.db;
        const nowIso = bot.clock.toJSDate().toISOString();
        const waiting = await db.selectFrom('handoffs').select('id').where('state', '=', 'waiting').execute();
        const open = await db.selectFrom('tickets').select(['due_at', 'first_response_at']).where('status', 'in', ['new', 'assigned', 'waiting-customer', 'with-microsoft']).execute();
        assert.equal(await figure(page, 'waiting'), String(waiting.length));
        assert.equal(await figure(page, 'open'), String(open.length));
        assert.equal(await figure(page, 'breached'), String(open.filter((t) => !t.first_response_at && t.due_at && t.due_at <= nowIso).length));
        assert.equal(await figure(page, 'dead'), '3');
        assert.equal(await page.locator('#agents tbody tr').count(), 2 + SEED_AGENTS.length);
        assert.ok((await page.locator('#open-tickets .state').count()) > 0, 'open tickets carry their due state');

        for (const theme of ['light', 'dark'] as const) {
            await page.goto(`${bot.baseUrl}/desk?theme=${theme}#now`);
            await page.locator('body[data-now-loaded="true"]').waitFor();
            await page.screenshot({ path: path.join(SHOTS, `now-${theme}.png`), fullPage: true });
            assert.deepEqual(await seriousViolations(page), [], `Now, ${theme}`);
        }

        const today = bot.clock.setZone(ZONE).startOf('day');
        const fromIso = today.minus({ days: 29 }).toUTC().toISO() ?? '';
        const toIso = today.plus({ days: 1 }).toUTC().toISO() ?? '';
        const tickets = (await db.selectFrom('tickets').select(['resolution', 'created_at']).execute()).filter((t) => t.created_at >= fromIso && t.created_at < toIso);
        const guidance = tickets.filter((t) => t.resolution === 'guidance').length;
        for (const theme of ['light', 'dark'] as const) {
            await page.goto(`${bot.baseUrl}/desk?theme=${theme}#reports`);
            await page.locator('body[data-reports-loaded="true"]').waitFor({ timeout: 30_000 });
            assert.equal(await figure(page, 'tickets'), String(tickets.length));
            assert.equal(await figure(page, 'deflection'), `${Math.round((guidance / tickets.length) * 1000) / 10} %`);
            assert.equal(await page.locator('figure[data-table] canvas').count(), 10, 'every chart but the heat map is drawn by Chart.js');
            assert.equal(await page.locator('figure[data-table] a[data-csv]').count(), 11);
            await page.screenshot({ path: path.join(SHOTS, `reports-${theme}.png`), fullPage: true });
            assert.deepEqual(await seriousViolations(page), [], `Reports, ${theme}`);
        }

        // The table view of a chart, and its CSV through the session cookie.
        await page.locator('figure[data-table="by-severity"] button', { hasText: 'Table view' }).click();
        const rows = await page.locator('#table-by-severity tbody tr').allTextContents();
        assert.ok(rows.length >= 3);
        const csv = await page.evaluate(async () => (await fetch('/desk/api/reports/by-severity.csv')).text());
        assert.match(csv, /^Severity,Tickets\r\n/);

        // Filters: Severity A only.
        await page.locator('select[name="severity"]').selectOption('A');
        await page.getByRole('button', { name: 'Show' }).click();
        const severityA = tickets.length > 0 ? (await db.selectFrom('tickets').select('id').where('severity', '=', 'A').where('created_at', '>=', fromIso).where('created_at', '<', toIso).execute()).length : 0;
        await page.waitForFunction(`document.querySelector('[data-figure="tickets"] .value')?.textContent === '${severityA}'`);

        await page.goto(`${bot.baseUrl}/desk?theme=contrast#reports`);
        await page.locator('body[data-reports-loaded="true"]').waitFor();
        await page.screenshot({ path: path.join(SHOTS, 'reports-contrast.png'), fullPage: true });
        assert.deepEqual(await seriousViolations(page), [], 'Reports, high contrast');
        assert.deepEqual(errors, []);
    });
});
