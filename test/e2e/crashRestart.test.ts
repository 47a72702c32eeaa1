import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenDatabase } from '../../src/store/database';
import { FakeChannel } from '../fakes/fakeChannel';
import { choice, promptOf, visibleText } from '../helpers/botHarness';
import { answerUntilConfirmation, BotProcess, ChannelUser, ISSUE, type ProcessDatabase } from '../helpers/botProcess';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/testDatabase';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'a SQLite file';

describe(`kill -9 and restart, on ${ON}`, function () {
    this.timeout(180_000);
    const channel = new FakeChannel();
    let dir = '';
    let postgres: TestDatabase | undefined;
    let where: ProcessDatabase;
    let bot: BotProcess | undefined;

    before(async () => {
        await channel.start();
        dir = mkdtempSync(path.join(os.tmpdir(), 'csp-crash-'));
        postgres = TEST_DATABASE_URL ? await createTestDatabase() : undefined;
        where = postgres ? { DATABASE_URL: postgres.url } : { DATABASE_FILE: path.join(dir, 'bot.sqlite') };
    });
    after(async () => {
        await bot?.stop();
        await channel.stop();
        await postgres?.drop();
        rmSync(dir, { recursive: true, force: true });
    });

    async function storedTickets(conversationId: string) {
        const database: OpenDatabase = await openDatabase({ DATABASE_URL: undefined, DATABASE_FILE: '', DATABASE_POOL_MAX: 1, DATABASE_TIMEOUT_MS: 5000, ...where });
        try {
            return await database.db.selectFrom('tickets').selectAll().where('conversation_id', '=', conversationId).execute();
        } finally {
            await database.close();
        }
    }

    it('a conversation killed half-way (between turns, then during one) continues in a new process to one stored ticket', async () => {
        const user = new ChannelUser(channel, 'crash');
        bot = await BotProcess.start(where);
        const understood = await user.say(bot.url, ISSUE);
        const impact = await user.click(bot.url, understood, choice(understood, 'intake-confirm', 'yes'));
        const guidance = await user.click(bot.url, impact, choice(impact, 'impact', 'moderate'));
        assert.equal(promptOf(guidance), 'guidance-solved');

        await bot.kill();
        bot = await BotProcess.start(where);
        const askEmail = await user.click(bot.url, guidance, choice(guidance, 'guidance-solved', 'no'));
        assert.match(visibleText(askEmail), /e-mail address/, 'the new process knows where the conversation was');
        const askOrganisation = await user.say(bot.url, 'alex.kim@fabrikam.example');
        assert.match(visibleText(askOrganisation), /organisation/);

        // Killed while answering: the answer was either saved whole or not at all.
        const inFlight = user.send(bot.url, { text: 'Fabrikam Ltd' }).catch(() => undefined);
        await bot.kill();
        await inFlight;
        bot = await BotProcess.start(where);
        const summary = await answerUntilConfirmation(user, () => (bot as BotProcess).url, await user.say(bot.url, 'help'));
        const done = visibleText(await user.click(bot.url, summary, choice(summary, 'escalation-confirm', 'confirm')));
        assert.match(done, /Your ticket \*\*SR-\d{4}-000001\*\* is open/);
        await bot.stop();

        const rows = await storedTickets('crash');
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.customer_email, 'alex.kim@fabrikam.example');
        assert.equal(rows[0]?.customer_organisation, 'Fabrikam Ltd');
        assert.equal(rows[0]?.severity, 'B');
    });
});
