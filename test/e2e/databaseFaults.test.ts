import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { Client } from 'pg';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, choice, promptOf, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import { TcpProxy } from '../helpers/tcpProxy';
import { createTestDatabase, TEST_DATABASE_URL } from '../helpers/testDatabase';
import { waitUntil } from '../helpers/waitUntil';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const APOLOGY_ES = /^Lo sentimos, algo ha fallado por nuestra parte\. Sus respuestas anteriores se conservan/;
const OPENED_ES = /Hemos abierto su ticket \*\*SR-2026-000001\*\*/;

/** A Spanish customer's intake up to the "open the ticket?" card; returns that card's replies. */
async function spanishIntakeToConfirmation(bot: BotHarness): Promise<{ send: (a: Record<string, unknown>) => Promise<ChannelActivity[]>; summary: ChannelActivity[] }> {
    const send = (activity: Record<string, unknown>) => bot.send({ locale: 'es-ES', ...activity });
    const cardAnswers: Record<string, string> = { 'intake-product': 'microsoft365', 'intake-kind': 'break-fix', 'intake-category': 'technical', 'intake-confirm': 'yes', impact: 'moderate', 'guidance-solved': 'no' };
    const typed = ['lucia@fabrikam.example', 'Fabrikam España'];
    let replies = await send({ text: 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error' });
    for (let step = 0; step < 10; step++) {
        const prompt = promptOf(replies);
        if (prompt === 'escalation-confirm') return { send, summary: replies };
        const answer = prompt ? cardAnswers[prompt] : undefined;
        if (prompt && answer) replies = await send({ value: choice(replies, prompt, answer) });
        else if (!prompt && typed.length) replies = await send({ text: typed.shift() });
        else throw new Error(`spanishIntakeToConfirmation(): unexpected question:\n${visibleText(replies)}`);
    }
    throw new Error('spanishIntakeToConfirmation(): no confirmation card');
}

/** Another connection takes the write lock (SQLite) or locks the tickets table (PostgreSQL); returns the release. */
async function lockAgainstWriters(bot: BotHarness): Promise<() => Promise<void>> {
    if (bot.app.database.dialect === 'sqlite') {
        const other = new SQLite(bot.databaseFile);
        other.exec('BEGIN IMMEDIATE');
        return async () => {
            other.exec('ROLLBACK');
            other.close();
        };
    }
    const other = new Client({ connectionString: bot.config.DATABASE_URL });
    await other.connect();
    await other.query('BEGIN');
    await other.query('LOCK TABLE tickets IN EXCLUSIVE MODE');
    return async () => {
        await other.query('ROLLBACK');
        await other.end();
    };
}

/**
 * The bot's database refuses writes but still answers reads, as a full or read-only disk or a
 * failed-over read-only PostgreSQL would: SQLite's query_only on the app's one connection
 * (SQLITE_READONLY on every write), PostgreSQL's default_transaction_read_only for the test
 * database with its connections reset. Returns the restore.
 */
async function refuseWrites(bot: BotHarness): Promise<() => Promise<void>> {
    if (bot.app.database.dialect === 'sqlite') {
        await sql`pragma query_only = on`.execute(bot.app.database.db);
        return async () => void (await sql`pragma query_only = off`.execute(bot.app.database.db));
    }
    const name = new URL(bot.config.DATABASE_URL ?? '').pathname.slice(1);
    const setReadOnly = async (on: boolean): Promise<void> => {
        const admin = new Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        try {
            await admin.query(`ALTER DATABASE ${name} ${on ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`);
            await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
        } finally {
            await admin.end();
        }
    };
    await setReadOnly(true);
    return () => setReadOnly(false);
}

describe(`database faults during a turn (${ON})`, () => {
    let bot: BotHarness | undefined;
    afterEach(async () => {
        await bot?.stop();
        bot = undefined;
    });

    it('locked: the Spanish customer gets the apology, nothing is half-written, and the same click works once the lock is gone', async () => {
        bot = await BotHarness.start({ env: { DATABASE_TIMEOUT_MS: '300' } });
        const { send, summary } = await spanishIntakeToConfirmation(bot);
        const confirm = choice(summary, 'escalation-confirm', 'confirm');
        const release = await lockAgainstWriters(bot);
        let failed: ChannelActivity[];
        try {
            failed = await send({ value: confirm }); // throws on a 5xx
        } finally {
            await release();
        }
        assert.match(visibleText(failed), APOLOGY_ES);
        assert.doesNotMatch(visibleText(failed), /SR-2026/, 'no ticket number was announced');
        assert.equal((await bot.tickets()).length, 0);
        assert.equal((await bot.app.database.db.selectFrom('ticket_events').selectAll().execute()).length, 0);

        const retried = await send({ value: confirm });
        assert.match(visibleText(retried), OPENED_ES);
        assert.equal((await bot.tickets()).length, 1);
    });

    it('cannot write: /readyz says 503 while every turn would fail, the customer gets the apology, nothing stored is lost, and both recover', async () => {
        bot = await BotHarness.start();
        const running = bot;
        const readiness = async () => {
            const res = await fetch(`${running.baseUrl}/readyz`);
            return { status: res.status, body: (await res.json()) as Record<string, string> };
        };
        await openTicketByChat(bot, { conversationId: 'before', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' });
        const restore = await refuseWrites(bot);
        const issue = { locale: 'es-ES', text: 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error' };
        try {
            await waitUntil(async () => (await readiness()).status === 503, 5000);
            assert.deepEqual((await readiness()).body, { status: 'not ready', database: 'down', reason: 'the database cannot write' });
            assert.equal((await fetch(`${bot.baseUrl}/healthz`)).status, 200, 'no reason to restart the process');
            assert.match(visibleText(await bot.send(issue, 'during')), APOLOGY_ES);
        } finally {
            await restore();
        }
        assert.equal((await bot.tickets()).length, 1, 'the ticket stored before is still there');
        await waitUntil(async () => (await readiness()).status === 200, 5000);
        const answered = await bot.send(issue, 'during');
        assert.doesNotMatch(visibleText(answered), APOLOGY_ES);
        assert.ok(promptOf(answered), `the bot asks its next question:\n${visibleText(answered)}`);
    });
});

const pgOnly = TEST_DATABASE_URL ? describe : describe.skip;

pgOnly(`PostgreSQL unreachable during a conversation${TEST_DATABASE_URL ? '' : ' (skipped: needs TEST_DATABASE_URL; npm run test:postgres runs it)'}`, () => {
    it('/readyz says 503 (and /healthz reports the database down), the customer gets the apology, and both recover when the database is back', async () => {
        const database = await createTestDatabase();
        const url = new URL(database.url);
        const proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
        await proxy.start();
        url.host = `127.0.0.1:${proxy.port}`;
        const bot = await BotHarness.start({ env: { DATABASE_URL: url.toString(), DATABASE_TIMEOUT_MS: '1000' } });
        const health = async () => {
            const ready = await fetch(`${bot.baseUrl}/readyz`);
            const alive = await fetch(`${bot.baseUrl}/healthz`);
            assert.equal(alive.status, 200, 'a database outage is no reason to restart the process');
            return { status: ready.status, database: ((await alive.json()) as { database: string }).database };
        };
        try {
            const { send, summary } = await spanishIntakeToConfirmation(bot);
            assert.deepEqual(await health(), { status: 200, database: 'up' });

            await proxy.cut();
            assert.deepEqual(await health(), { status: 503, database: 'down' });
            const failed = await send({ value: choice(summary, 'escalation-confirm', 'confirm') });
            assert.match(visibleText(failed), APOLOGY_ES);

            await proxy.restore();
            assert.deepEqual(await health(), { status: 200, database: 'up' });
            const retried = await send({ value: choice(summary, 'escalation-confirm', 'confirm') });
            assert.match(visibleText(retried), OPENED_ES);
            assert.equal((await bot.tickets()).length, 1);
        } finally {
            await bot.stop();
            await proxy.cut();
            await database.drop();
        }
    });
});
