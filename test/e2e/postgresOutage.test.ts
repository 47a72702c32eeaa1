import assert from 'node:assert/strict';
import { Client } from 'pg';
import { openPostgresDatabase } from '../../src/store/postgresDatabase';
import { FakeChannel } from '../fakes/fakeChannel';
import { choice, promptOf, visibleText } from '../helpers/botHarness';
import { answerUntilConfirmation, BotProcess, ChannelUser, ISSUE } from '../helpers/botProcess';
import { TcpProxy } from '../helpers/tcpProxy';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/testDatabase';
import { waitUntil } from '../helpers/waitUntil';

const APOLOGY = /^Sorry, something went wrong on our side\. Your answers so far are kept/;
const OPENED = /Your ticket \*\*(SR-\d{4}-\d{6})\*\* is open/;
const CONCURRENT_CUSTOMERS = 20;

/** What one customer saw for one message: the apology, a normal answer, or something else (a failure). */
type Outcome = 'apology' | 'answer' | string;

/**
 * Customers writing to the bot without pause, each message in a new conversation, until
 * stopped; every outcome is kept.
 */
class CustomersWriting {
    readonly outcomes: Outcome[] = [];
    private stopped = false;
    private readonly workers: Array<Promise<void>>;
    private seq = 0;

    constructor(channel: FakeChannel, botUrl: string, count: number) {
        this.workers = Array.from({ length: count }, async (_, worker) => {
            while (!this.stopped) this.outcomes.push(await this.one(new ChannelUser(channel, `load-${worker}-${++this.seq}`), botUrl));
        });
    }

    private async one(user: ChannelUser, botUrl: string): Promise<Outcome> {
        try {
            const { status, replies } = await user.send(botUrl, { text: ISSUE });
            const text = visibleText(replies);
            if (status === 200 && APOLOGY.test(text)) return 'apology';
            if (status === 200 && promptOf(replies) === 'intake-confirm') return 'answer';
            return `HTTP ${status}: ${text.slice(0, 200)}`;
        } catch (err) {
            return `no answer: ${(err as Error).message}`;
        }
    }

    async stop(): Promise<Outcome[]> {
        this.stopped = true;
        await Promise.all(this.workers);
        return this.outcomes;
    }
}

const suite = TEST_DATABASE_URL ? describe : describe.skip;

suite(`PostgreSQL connections lost while turns run${TEST_DATABASE_URL ? '' : ' (skipped: needs TEST_DATABASE_URL; npm run test:postgres runs it)'}`, function () {
    this.timeout(240_000);
    const channel = new FakeChannel();
    let database: TestDatabase;
    let proxy: TcpProxy;
    let bot: BotProcess | undefined;

    before(async () => {
        await channel.start();
        database = await createTestDatabase();
        const url = new URL(database.url);
        proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
        await proxy.start();
    });
    after(async () => {
        await bot?.stop();
        await proxy.cut();
        await channel.stop();
        await database.drop();
    });

    /** Ends this database's bot connections on the server side, as a failover or an administrator would. */
    async function terminateBotConnections(): Promise<number> {
        const admin = new Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        try {
            const name = new URL(database.url).pathname.slice(1);
            const ended = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'csp-support-bot' and datname = $1`, [name]);
            return ended.rowCount ?? 0;
        } finally {
            await admin.end();
        }
    }

    const readiness = async (): Promise<number> => fetch(`${bot?.url}/readyz`).then((r) => r.status, () => 0);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('keeps the process alive through cuts and terminated connections: apology or answer for customers in flight, 503 while down, every ticket kept', async () => {
        const url = new URL(database.url);
        url.host = `127.0.0.1:${proxy.port}`;
        bot = await BotProcess.start({ DATABASE_URL: url.toString() }, { DATABASE_TIMEOUT_MS: '1000', CONVERSATION_RATE_LIMIT_PER_MINUTE: '10000' });
        const botUrl = bot.url;
        const opened: string[] = [];
        for (const id of ['kept-1', 'kept-2']) {
            const user = new ChannelUser(channel, id);
            const summary = await answerUntilConfirmation(user, () => botUrl, await user.say(botUrl, ISSUE));
            opened.push(OPENED.exec(visibleText(await user.click(botUrl, summary, choice(summary, 'escalation-confirm', 'confirm'))))?.[1] ?? 'none');
        }

        const customers = new CustomersWriting(channel, botUrl, CONCURRENT_CUSTOMERS);
        try {
            for (let round = 1; round <= 5; round++) {
                await pause(300 + 100 * round);
                await proxy.cut();
                await pause(200);
                assert.ok(bot.running, `the process exited after cut ${round}:\n${bot.log}`);
                assert.equal(await readiness(), 503, `/readyz while the database is unreachable (cut ${round})`);
                await proxy.restore();
                await waitUntil(async () => (await readiness()) === 200, 15_000);
            }
            for (let round = 1; round <= 3; round++) {
                await pause(400);
                assert.ok((await terminateBotConnections()) > 0, 'connections to end');
                await pause(200);
                assert.ok(bot.running, `the process exited after pg_terminate_backend ${round}:\n${bot.log}`);
            }
        } finally {
            await customers.stop();
        }
        assert.ok(bot.running, `the process exited:\n${bot.log}`);
        const outcomes = customers.outcomes;
        assert.deepEqual(outcomes.filter((o) => o !== 'apology' && o !== 'answer'), [], 'every customer in flight got the apology or an answer');
        assert.ok(outcomes.includes('apology'), 'some turns were cut');

        await waitUntil(async () => (await readiness()) === 200, 15_000);
        const fresh = await new ChannelUser(channel, 'after-outage').say(botUrl, ISSUE);
        assert.equal(promptOf(fresh), 'intake-confirm', `a new conversation gets a normal answer:\n${visibleText(fresh)}`);
        const store = await openPostgresDatabase(database.url, { poolMax: 1, timeoutMs: 5000 });
        try {
            const numbers = (await store.db.selectFrom('tickets').select('number').orderBy('id').execute()).map((r) => r.number);
            assert.deepEqual(numbers, opened);
        } finally {
            await store.close();
        }
    });
});
