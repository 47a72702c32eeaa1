import assert from 'node:assert/strict';
import { botWithChromium, consoleProblems } from '../helpers/chromium';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('Web Chat uploads in a real browser (Chromium)', function () {
    this.timeout(120_000);
    const rig = botWithChromium();

    it("a visitor attaches a screenshot with Web Chat's upload button: kept and acknowledged; a disguised file is refused with a reason", async () => {
        const page = await rig.browser.newPage({ locale: 'en-US' });
        const problems = consoleProblems(page);
        await page.goto(rig.bot.baseUrl);
        await page.getByText(/Contoso Cloud Services support assistant/).first().waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: /upload|attach/i }).first().waitFor({ state: 'visible', timeout: 10_000 });

        // Web Chat 4.18 attaches files to the send box (sendAttachmentOn: 'send'); Send posts them.
        await page.locator('input[type=file]').first().setInputFiles({ name: 'outlook-error.png', mimeType: 'image/png', buffer: PNG });
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByText(/Thanks, I.ve kept your file with your request/).last().waitFor({ timeout: 20_000 });
        const kept = await rig.bot.app.database.db.selectFrom('attachments').select(['name', 'content_type', 'size']).execute();
        assert.deepEqual(kept, [{ name: 'outlook-error.png', content_type: 'image/png', size: PNG.length }], 'the file the browser sent is kept as it was');

        await page.locator('input[type=file]').first().setInputFiles({ name: 'not-really.png', mimeType: 'image/png', buffer: Buffer.from('this is text, not an image') });
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByText(/I couldn.t take not-really\.png: I can only keep PNG, JPEG, GIF, WEBP, PDF files/).last().waitFor({ timeout: 20_000 });
        // The refused post is the only problem: the browser's 415 and Web Chat's "failed to post".
        assert.deepEqual(problems.filter((p) => !/status of 415|Failed to post activity/.test(p)), []);
    });
});
