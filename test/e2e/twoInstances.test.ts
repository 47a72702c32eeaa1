import assert from 'node:assert/strict';
import type { OpenDatabase } from '../../src/store/database';
import { openPostgresDatabase } from '../../src/store/postgresDatabase';
import { FakeChannel } from '../fakes/fakeChannel';
import { choice, visibleText } from '../helpers/botHarness';
import { answerUntilConfirmation, BotProcess, cardOf, ChannelUser, ISSUE } from '../helpers/botProcess';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/testDatabase';

const APOLOGY = /something went wrong on our side/;
const BUSY = /still busy with your previous message/;
const OPENED = /Your ticket \*\*(SR-\d{4}-\d{6})\*\* is open/;

const suite = TEST_DATABASE_URL ? describe : describe.skip;

suite(`two bot processes on one PostgreSQL database${TEST_DATABASE_URL ? '' : ' (skipped: needs TEST_DATABASE_URL; npm run test:postgres runs it)'}`, function () {
    this.timeout(180_000);
    const channel = new FakeChannel();
    let database: TestDatabase;
    let store: OpenDatabase;
    let bots: BotProcess[] = [];
    let turn = 0;
    const next = (): string => (bots[turn++ % 2] as BotProcess).url;

    before(async () => {
        database = await createTestDatabase();
        await channel.start();
        // Both start (and migrate) at once: the migrator's lock lets one of them do it.
        bots = await Promise.all([BotProcess.start({ DATABASE_URL: database.url }), BotProcess.start({ DATABASE_URL: database.url })]);
        store = await openPostgresDatabase(database.url, { poolMax: 2, timeoutMs: 5000 });
    });
    after(async () => {
        await Promise.all(bots.map((b) => b.stop()));
        await store?.close();
        await channel.stop();
        await database?.drop();
    });

    const ticketsOf = (conversationId: string) => store.db.selectFrom('tickets').selectAll().where('conversation_id', '=', conversationId).execute();

    it('a conversation whose turns alternate between the instances ends in one stored ticket', async () => {
        const user = new ChannelUser(channel, 'alternating');
        const urls: string[] = [];
        const alternate = (): string => {
            urls.push(next());
            return urls[urls.length - 1] as string;
        };
        const welcome = await user.say(alternate(), 'hi');
        assert.match(visibleText(welcome), /What can I help you with/);
        const summary = await answerUntilConfirmation(user, alternate, await user.say(alternate(), ISSUE));
        assert.match(visibleText(summary), /Alex Kim[\s\S]*alex\.kim@fabrikam\.example[\s\S]*Fabrikam Ltd/);
        const done = visibleText(await user.click(alternate(), summary, choice(summary, 'escalation-confirm', 'confirm')));
        assert.match(done, OPENED);
        assert.equal(new Set(urls).size, 2, 'both instances served turns');

        const rows = await ticketsOf('alternating');
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.number, OPENED.exec(done)?.[1]);
        assert.equal(rows[0]?.severity, 'B');
        assert.equal(rows[0]?.customer_email, 'alex.kim@fabrikam.example');
        assert.equal(rows[0]?.customer_organisation, 'Fabrikam Ltd');
    });

    it('ten messages at once across both instances leave a state the conversation can finish from', async () => {
        const user = new ChannelUser(channel, 'burst');
        await user.say(next(), 'hi');
        const burst = await Promise.all(Array.from({ length: 10 }, () => user.send(next(), { text: ISSUE })));
        assert.deepEqual(
            burst.map((b) => b.status),
            Array(10).fill(200),
        );
        for (const { replies } of burst) {
            assert.ok(replies.length > 0, 'every message gets an answer (or is asked to be sent again)');
            assert.doesNotMatch(visibleText(replies), APOLOGY);
        }
        // The issue was taken once: the other copies met the question it led to (or were asked again).
        const said = burst.map((b) => visibleText(b.replies));
        assert.equal(said.filter((t) => /Here is what I understood/.test(t) && !/didn't catch that/.test(t)).length, 1, said.join('\n---\n'));
        for (const text of said) assert.match(text, new RegExp(`Here is what I understood|${BUSY.source}`));
        const summary = await answerUntilConfirmation(user, next, await user.say(next(), 'help'));
        const done = visibleText(await user.click(next(), summary, choice(summary, 'escalation-confirm', 'confirm')));
        assert.match(done, OPENED);
        assert.equal((await ticketsOf('burst')).length, 1);
    });

    it('ten clicks at once on "Open the ticket" across both instances open exactly one ticket, and say so once', async () => {
        const user = new ChannelUser(channel, 'clicks');
        const summary = await answerUntilConfirmation(user, next, await user.say(next(), ISSUE));
        const confirm = choice(summary, 'escalation-confirm', 'confirm');
        const clicks = await Promise.all(Array.from({ length: 10 }, () => user.send(next(), { value: confirm, replyToId: cardOf(summary, confirm) })));
        assert.deepEqual(
            clicks.map((c) => c.status),
            Array(10).fill(200),
        );
        const said = clicks.map((c) => visibleText(c.replies));
        assert.equal(said.filter((t) => OPENED.test(t)).length, 1, said.join('\n---\n'));
        for (const text of said) assert.match(text, new RegExp(`${OPENED.source}|already open|already finished|${BUSY.source}`));
        const rows = await ticketsOf('clicks');
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.status, 'new');
        // The conversation goes on normally afterwards.
        assert.match(visibleText(await user.say(next(), 'hi')), /What (else )?can I help you with/);
    });
});
