import assert from 'node:assert/strict';
import { FakeLanguageService } from '../fakes/fakeLanguageService';
import { BotHarness, choice } from '../helpers/botHarness';

describe('Azure AI Language in a whole conversation (fake REST v3.1 service)', () => {
    let language: FakeLanguageService;
    let bot: BotHarness;
    beforeEach(async () => {
        language = new FakeLanguageService('lang-key');
        const endpoint = await language.start();
        bot = await BotHarness.start({ env: { AZURE_LANGUAGE_ENDPOINT: endpoint, AZURE_LANGUAGE_KEY: 'lang-key' } });
    });
    afterEach(async () => {
        await bot.stop();
        await language.stop();
    });

    async function openTicket(): Promise<void> {
        const understood = await bot.describe('Our Invoice from October charges Microsoft 365 Business Premium twice, my email is alex@fabrikam.example', { product: 'microsoft365' });
        const guidance = await bot.click(choice(understood, 'intake-confirm', 'yes'));
        await bot.click(choice(guidance, 'guidance-solved', 'no'));
        await bot.say('alex@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        await bot.click(choice(summary, 'escalation-confirm', 'confirm'));
    }

    it('titles the ticket from key phrases and keeps personal data out of the redacted description', async () => {
        await openTicket();
        const [ticket] = await bot.tickets();
        assert.ok(ticket);
        assert.notEqual(ticket.title, ticket.description.slice(0, ticket.title.length), 'the title comes from key phrases');
        assert.doesNotMatch(ticket.description_redacted ?? '', /alex@fabrikam\.example/);
        assert.ok(language.requests.some((r) => r.path.endsWith('/keyPhrases')));
    });

    it('still opens the ticket, with local results, when the service hangs', async () => {
        language.mode = 'hang';
        await openTicket();
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.status, 'new');
        assert.match(ticket?.title ?? '', /^Our Invoice from October/);
        assert.match(ticket?.description_redacted ?? '', /\[email\]/);
    });

    it('gives up on a slow service within its budget: every call abandoned, the ticket opened with local results', async () => {
        language.mode = 'slow';
        await openTicket();
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.status, 'new');
        assert.match(ticket?.title ?? '', /^Our Invoice from October/);
        for (let i = 0; i < 40 && language.abandoned < language.requests.length; i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(language.requests.length > 0);
        assert.equal(language.abandoned, language.requests.length, 'the bot closed each call before the slow answer came');
    });

    it('still opens the ticket when the service is down (nothing listening)', async () => {
        await language.stop();
        await openTicket();
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.status, 'new');
        assert.match(ticket?.description_redacted ?? '', /\[email\]/);
    });
});
