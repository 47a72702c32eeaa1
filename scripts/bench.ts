/**
 * npm run bench: the whole bot under load, against an echo bot on the same stack as the floor.
 *
 * Starts the real server (createApp: restify, CloudAdapter, dialogs, a SQLite file) and an echo
 * bot (the same createServer + CloudAdapter + restify) as child processes, and a fake channel
 * connector here. Customers' requests share one keep-alive pool of 256 connections, as a channel
 * service's would, opened before each run. After a warm-up of both:
 *  1. K customers at once (starts spread over 1 s), back to back against echo then bot, each
 *     through the whole intake to a stored ticket over real HTTP (echo: the same customers, turns
 *     and texts), with no time to think: turns/s and p50/p95/p99 turn latency at saturation, the
 *     servers' CPU per turn, and the ratios. At saturation latency is mostly queueing, so its
 *     ratio follows the throughput ratio (Little's law).
 *  2. A moderate load (100 customers who think 0.5-1.5 s before each turn): latency ratios when
 *     neither server is saturated.
 *  3. RSS per idle conversation at 1,000 and 10,000 conversations (one turn each, full GC).
 * Errors are failed turns, unexpected replies, channel requests it could not read, and stored
 * tickets that do not match the customers who finished. The last line is machine-readable:
 *   bench: p99_ratio=X throughput_ratio=Y errors=N conversations=K   (ratios from step 1)
 *
 * --scale-out (scripts/bench/scaleOut.ts) runs the bot on one PostgreSQL database instead
 * (BENCH_DATABASE_URL, default the local server; a fresh database per configuration, dropped
 * after), as one instance and then as two behind the bench's own round-robin, with the same K
 * customers: turns/s, latency, CPU per turn of the bots, of PostgreSQL and of the load generator,
 * the two/one throughput ratio and what the machine's cores allow it to be, and lost or
 * duplicated tickets (errors); --profile writes each instance's CPU profile (DIR/bot-1of2 …)
 * without the report. Its last line:
 *   bench scale-out: one=N turns/s two=N turns/s ratio=X lost=N duplicated=N errors=N conversations=K
 * Usage: npm run bench -- [--customers K] [--light N] [--idle 1000,10000] [--profile DIR]
 *        npm run bench -- --scale-out [--customers K] [--profile DIR]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { BenchChannel } from './bench/benchChannel';
import { echoCustomer, HttpClient, intakeCustomer } from './bench/customers';
import { describeResult, runCustomers, runIdle, type RunResult } from './bench/runCustomers';
import { scaleOut } from './bench/scaleOut';
import { startServer } from './bench/serverHandle';
import { mulberry32 } from '../src/random';
import { mb } from './bench/stats';
import { reportLines, summarise } from './bench/profileReport';

function option(name: string, fallback: string): string {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const CUSTOMERS = Number(option('customers', '1000'));
const LIGHT_CUSTOMERS = Number(option('light', '100'));
const IDLE_STEPS = option('idle', '1000,10000').split(',').map(Number);
const IDLE_WARMUP = 500;
const IDLE_PARALLEL = 100;
/**
 * `--profile [DIR]`: V8 CPU profiles of the servers (one folder per server, in DIR or a temporary
 * folder), and the bot's busiest functions and packages during its saturation run.
 */
const PROFILE_DIR = ((): string => {
    if (!process.argv.includes('--profile')) return '';
    const given = option('profile', '');
    return given && !given.startsWith('--') ? path.resolve(given) : mkdtempSync(path.join(os.tmpdir(), 'csp-profile-'));
})();
const TOP_FUNCTIONS = 25;
/** Think times of 0.5-1.5 s, the same sequence for both servers. */
const thinkTimes = (): (() => number) => {
    const random = mulberry32(8);
    return () => 500 + 1000 * random();
};

const print = (line: string): void => void process.stdout.write(`${line}\n`);

const hrtimeUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** The server's main-thread profile: the largest in its folder (a loader thread writes a small one). */
function busiestProfile(folder: string): string {
    const files = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'));
    const [largest] = files.map((f) => path.join(folder, f)).sort((a, b) => statSync(b).size - statSync(a).size);
    if (!largest) throw new Error(`bench: no CPU profile in ${folder}`);
    return largest;
}

function storedTickets(dir: string): number {
    const db = new SQLite(path.join(dir, 'bot.sqlite'), { readonly: true });
    try {
        return (db.prepare('select count(*) as n from tickets').get() as { n: number }).n;
    } finally {
        db.close();
    }
}

async function main(): Promise<void> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
    const channel = new BenchChannel();
    await channel.start();
    const client = new HttpClient();
    const echo = await startServer('echo', { dir, profileDir: PROFILE_DIR || undefined });
    const bot = await startServer('bot', { dir, profileDir: PROFILE_DIR || undefined });
    const reasons = new Map<string, number>();
    let errors = 0;
    let finished = 0;
    const tally = (label: string, result: RunResult, intake: boolean): void => {
        errors += result.recorder.errors;
        if (intake) finished += result.recorder.completed;
        for (const [reason, n] of result.recorder.reasons) reasons.set(`${label}: ${reason}`, (reasons.get(`${label}: ${reason}`) ?? 0) + n);
    };
    print(`bench: ${CUSTOMERS} customers at once per server, echo then bot; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)} (a shared machine: figures are noisy)`);
    const rssBefore = (await bot.measure()).rss;

    // Warm-up: JIT, connection pools, SQLite pages; errors count, figures do not.
    const warmup = Math.min(200, CUSTOMERS);
    tally('warm-up echo', await runCustomers([echo], channel, client, echoCustomer, { count: warmup, run: 'warm' }), false);
    tally('warm-up bot', await runCustomers([bot], channel, client, intakeCustomer, { count: warmup, run: 'warm' }), true);

    // Throughput: K customers at once, no time to think: both servers saturated.
    const floorRun = await runCustomers([echo], channel, client, echoCustomer, { count: CUSTOMERS, run: 'load' });
    tally('echo', floorRun, false);
    const window = { fromUs: hrtimeUs(), toUs: 0 };
    const botRun = await runCustomers([bot], channel, client, intakeCustomer, { count: CUSTOMERS, run: 'load' });
    window.toUs = hrtimeUs();
    tally('bot', botRun, true);
    const floor = describeResult('echo (floor)', floorRun);
    const full = describeResult('bot (intake)', botRun);
    print(`${CUSTOMERS} customers at once, no think time (saturation):`);
    print(`  ${floor.text}`);
    print(`  ${full.text}`);
    const p99Ratio = full.figures.p99 / floor.figures.p99;
    const throughputRatio = full.figures.turnsPerSecond / floor.figures.turnsPerSecond;
    const cpuRatio = botRun.serverCpuMs / full.figures.turns / (floorRun.serverCpuMs / floor.figures.turns);
    print(`  bot/echo: throughput ${throughputRatio.toFixed(2)} (target >= 0.5), p50 ${(full.figures.p50 / floor.figures.p50).toFixed(2)}, p95 ${(full.figures.p95 / floor.figures.p95).toFixed(2)}, p99 ${p99Ratio.toFixed(2)} (target <= 2.0); server CPU per turn ${cpuRatio.toFixed(2)}x`);

    // Latency at an equal, moderate offered load: customers take 0.5-1.5 s before each turn.
    const light = Math.min(LIGHT_CUSTOMERS, CUSTOMERS);
    const lightEcho = await runCustomers([echo], channel, client, echoCustomer, { count: light, run: 'light', think: thinkTimes() });
    tally('light echo', lightEcho, false);
    const lightBot = await runCustomers([bot], channel, client, intakeCustomer, { count: light, run: 'light', think: thinkTimes() });
    tally('light bot', lightBot, true);
    const lightFloor = describeResult('echo (floor)', lightEcho);
    const lightFull = describeResult('bot (intake)', lightBot);
    print(`${light} customers at once, 0.5-1.5 s think time before each turn (moderate load):`);
    print(`  ${lightFloor.text}`);
    print(`  ${lightFull.text}`);
    print(`  bot/echo: p50 ${(lightFull.figures.p50 / lightFloor.figures.p50).toFixed(2)}, p95 ${(lightFull.figures.p95 / lightFloor.figures.p95).toFixed(2)}, p99 ${(lightFull.figures.p99 / lightFloor.figures.p99).toFixed(2)} (target <= 1.5)`);

    const rssAfter = (await bot.measure()).rss;
    const tickets = storedTickets(dir);
    print(`tickets stored: ${tickets} (customers who finished the intake: ${finished})`);
    print(`bot RSS after GC: ${mb(rssBefore)} at start (target <= 120 MB), ${mb(rssAfter)} after the runs`);

    // Idle conversations: one turn each. A first batch warms the server at this concurrency (its
    // memory pools), then RSS after a full GC, per conversation, against that baseline.
    errors += (await runIdle(bot, channel, client, 0, IDLE_WARMUP, IDLE_PARALLEL)).errors;
    const base = await bot.measure();
    let made = IDLE_WARMUP;
    for (const target of IDLE_STEPS) {
        const recorder = await runIdle(bot, channel, client, made, IDLE_WARMUP + target, IDLE_PARALLEL);
        errors += recorder.errors;
        for (const [reason, n] of recorder.reasons) reasons.set(`idle: ${reason}`, (reasons.get(`idle: ${reason}`) ?? 0) + n);
        made = IDLE_WARMUP + target;
        const now = await bot.measure();
        const perConversation = (now: number, before: number): string => `${((now - before) / target / 1024).toFixed(2)} KB`;
        const anonymous = now.anonymous !== undefined && base.anonymous !== undefined ? `, anonymous ${perConversation(now.anonymous, base.anonymous)}` : '';
        print(`idle conversations ${target}: RSS ${mb(now.rss)} (+${mb(now.rss - base.rss)}) = ${perConversation(now.rss, base.rss)} RSS per conversation (target < 5 KB)${anonymous}; heap ${perConversation(now.heapUsed, base.heapUsed)}, external ${perConversation(now.external, base.external)}`);
    }

    const missingTickets = Math.abs(tickets - finished);
    const totalErrors = errors + channel.badRequests + missingTickets;
    for (const [reason, n] of reasons) print(`  error: ${reason} x${n}`);
    if (missingTickets) print(`  error: ${missingTickets} tickets missing or extra`);
    client.close();
    await Promise.all([echo.stop(), bot.stop()]);
    await channel.stop();
    rmSync(dir, { recursive: true, force: true });
    if (PROFILE_DIR) {
        const profile = busiestProfile(path.join(PROFILE_DIR, bot.name));
        print(`bot CPU profile during the saturation run (${profile}):`);
        for (const text of reportLines(summarise(JSON.parse(readFileSync(profile, 'utf8')), window), TOP_FUNCTIONS, full.figures.turns)) print(`  ${text}`);
    }
    print(`bench: p99_ratio=${p99Ratio.toFixed(2)} throughput_ratio=${throughputRatio.toFixed(2)} errors=${totalErrors} conversations=${CUSTOMERS}`);
}

(process.argv.includes('--scale-out') ? scaleOut({ customers: CUSTOMERS, profileDir: PROFILE_DIR || undefined }) : main()).catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
});
