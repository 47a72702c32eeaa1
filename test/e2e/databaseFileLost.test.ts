import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { BotHarness } from '../helpers/botHarness';
import { BotProcess } from '../helpers/botProcess';
import { openTicketByChat } from '../helpers/openTicket';
import { waitUntil } from '../helpers/waitUntil';

/** SQLite under both test runs: the file is what is lost. */
const SQLITE = { DATABASE_URL: '' };
const CUSTOMER = { email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd' };

interface LogLine {
    severity: string;
    msg: string;
    database?: string;
    reason?: string;
}

/** Removes the database and its WAL files, as `rm data/bot.sqlite*` would. */
function deleteDatabase(file: string): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

describe('a SQLite database file deleted or replaced under a running bot', () => {
    let bot: BotHarness | undefined;
    afterEach(async () => {
        await bot?.stop();
        bot = undefined;
    });

    const cases: Array<{ what: string; reason: string; lose: (file: string) => void }> = [
        { what: 'deleted', reason: 'the database file was deleted', lose: (file) => rmSync(file) },
        {
            what: 'replaced',
            reason: 'the database file was replaced',
            lose: (file) => {
                copyFileSync(file, `${file}.copy`);
                renameSync(`${file}.copy`, file);
            },
        },
    ];
    for (const { what, reason, lose } of cases) {
        it(`${what}: /readyz says 503 with the reason, one ERROR line names the file, /healthz stays 200`, async () => {
            const lines: LogLine[] = [];
            bot = await BotHarness.start({ env: SQLITE, logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }) });
            const running = bot;
            await openTicketByChat(bot, { conversationId: 'before', ...CUSTOMER });
            const readiness = async () => {
                const res = await fetch(`${running.baseUrl}/readyz`);
                return { status: res.status, body: (await res.json()) as Record<string, string> };
            };
            assert.equal((await readiness()).status, 200);

            lose(bot.databaseFile);
            await waitUntil(async () => (await readiness()).status === 503, 5000);
            assert.deepEqual((await readiness()).body, { status: 'not ready', database: 'down', reason });
            await new Promise((r) => setTimeout(r, 1600));
            assert.equal((await readiness()).status, 503, 'still not ready on the next check');
            assert.equal((await fetch(`${bot.baseUrl}/healthz`)).status, 200, 'no reason to restart the process (a restart would lose what it still holds)');
            const errors = lines.filter((l) => l.severity === 'ERROR' && l.msg === 'database cannot take turns');
            assert.equal(errors.length, 1, 'one ERROR line a minute, not one per probe');
            assert.equal(errors[0]?.database, bot.databaseFile);
            assert.equal(errors[0]?.reason, reason);
        });
    }
});

describe('starting where a SQLite database was lost', function () {
    this.timeout(60_000);
    let dir = '';
    let file = '';
    let bot: BotHarness | undefined;
    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'csp-lost-'));
        file = path.join(dir, 'bot.sqlite');
    });
    afterEach(async () => {
        await bot?.stop();
        bot = undefined;
        rmSync(dir, { recursive: true, force: true });
    });

    /** A first start on an empty folder, with one ticket opened; stopped again. */
    async function firstLife(): Promise<void> {
        const first = await BotHarness.start({ databaseFile: file, env: SQLITE });
        await openTicketByChat(first, { conversationId: 'first', ...CUSTOMER });
        assert.equal((await first.tickets()).length, 1);
        assert.ok(existsSync(`${file}.id`), 'the marker was written next to the database');
        await first.stop();
    }

    it('a first start creates the database, a restart finds its ticket', async () => {
        await firstLife();
        bot = await BotHarness.start({ databaseFile: file, env: SQLITE });
        assert.equal((await bot.tickets()).length, 1);
        await bot.restart();
        assert.equal((await bot.tickets()).length, 1, 'the harness restart on the same file still works');
    });

    it('refuses to start on a new empty database when the file was deleted, naming the file and the way out', async () => {
        await firstLife();
        deleteDatabase(file);
        await assert.rejects(BotHarness.start({ databaseFile: file, env: SQLITE }), (err: Error) => {
            assert.ok(err.message.includes(file), err.message);
            assert.match(err.message, /missing/);
            assert.match(err.message, /ALLOW_NEW_DATABASE=true/);
            return true;
        });
        assert.equal(existsSync(file), false, 'no empty database was created in its place');
    });

    it('the bot process exits with that message on stderr', async () => {
        await firstLife();
        deleteDatabase(file);
        const started = await BotProcess.start({ DATABASE_FILE: file }).catch((err: Error) => err);
        if (started instanceof BotProcess) await started.stop();
        assert.ok(started instanceof Error, 'the process started');
        assert.match(started.message, /did not become healthy/);
        assert.ok(started.message.includes(`database file ${file} is missing`), started.message);
    });

    it('refuses a file that holds another database', async () => {
        await firstLife();
        const otherDir = mkdtempSync(path.join(os.tmpdir(), 'csp-other-'));
        try {
            const other = await BotHarness.start({ databaseFile: path.join(otherDir, 'bot.sqlite'), env: SQLITE });
            await other.stop();
            deleteDatabase(file);
            copyFileSync(path.join(otherDir, 'bot.sqlite'), file);
        } finally {
            rmSync(otherDir, { recursive: true, force: true });
        }
        await assert.rejects(BotHarness.start({ databaseFile: file, env: SQLITE }), /was replaced/);
    });

    it('starts a fresh database with ALLOW_NEW_DATABASE=true, which later starts need no more', async () => {
        await firstLife();
        deleteDatabase(file);
        const fresh = await BotHarness.start({ databaseFile: file, env: { ...SQLITE, ALLOW_NEW_DATABASE: 'true' } });
        assert.equal((await fresh.tickets()).length, 0);
        await fresh.stop();
        bot = await BotHarness.start({ databaseFile: file, env: SQLITE });
        assert.equal((await bot.tickets()).length, 0);
    });
});
