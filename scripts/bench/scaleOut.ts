/**
 * npm run bench -- --scale-out: the real bot on one PostgreSQL database, as one instance and
 * then as two behind the bench channel's own round-robin (turn t of conversation i goes to
 * instance (i + t) mod n, so a conversation's consecutive turns land on different instances and
 * its state must travel through the database). Each configuration gets a fresh database and
 * fresh processes, a warm-up of 200 customers per instance, then the same K customers through
 * the whole intake with no time to think. Stored tickets are checked per conversation: a
 * finished intake without one is lost, a second one duplicated; both count as errors. CPU is
 * counted per bot instance, for PostgreSQL (its processes in /proc, when it runs here), for this
 * process (the load generator) and for the whole machine, because on a small machine they all
 * share the cores and that, not the database, bounds what a second instance can add.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_URL, createBenchDatabase, describeServer, type TicketCheck } from './benchDatabase';
import { BenchChannel } from './benchChannel';
import { HttpClient, intakeCustomer } from './customers';
import { machineBusyMs, processTreeCpuMs } from './procCpu';
import { describeResult, runCustomers, type RunResult } from './runCustomers';
import { startServer, type ServerHandle } from './serverHandle';
import type { RunFigures } from './stats';

export interface ScaleOutOptions {
    customers: number;
    /** Writes a CPU profile of each bot instance into `<profileDir>/bot-<i>of<n>`. */
    profileDir?: string;
}

/** One configuration's measured run and its ticket check (the warm-up's tickets included). */
interface Measured {
    instances: number;
    run: RunResult;
    figures: RunFigures;
    text: string;
    tickets: TicketCheck;
    /** Failed turns or unexpected replies, warm-up included, by reason. */
    reasons: Map<string, number>;
}

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const WORDS = ['', 'one instance', 'two instances'];

/** Cores busy on average over the run, from CPU ms. */
const cores = (ms: number | undefined, seconds: number): string => (ms === undefined ? 'n/a' : (ms / 1000 / seconds).toFixed(2));
const perTurn = (ms: number | undefined, turns: number): string => (ms === undefined ? 'n/a' : `${(ms / turns).toFixed(2)} ms/turn`);

async function measureInstances(instances: number, options: ScaleOutOptions, shared: { dir: string; channel: BenchChannel; postmasterPid?: number }): Promise<Measured> {
    const database = await createBenchDatabase(`csp_bench_${process.pid}_${instances}`);
    const servers: ServerHandle[] = [];
    try {
        const names = Array.from({ length: instances }, (_, i) => `bot-${i + 1}of${instances}`);
        // Started together: their migrations meet on the one empty database, as a deployment's do.
        servers.push(...(await Promise.all(names.map((name) => startServer('bot', { dir: shared.dir, name, env: { DATABASE_URL: database.url }, profileDir: options.profileDir })))));
        const client = new HttpClient();
        try {
            // The same warm-up per instance (JIT, pools), so that two are as warm as one.
            const warm = await runCustomers(servers, shared.channel, client, intakeCustomer, { count: instances * Math.min(200, options.customers), run: 'warm' });
            const run = await runCustomers(servers, shared.channel, client, intakeCustomer, {
                count: options.customers,
                run: 'load',
                cpuMeters: { postgres: () => (shared.postmasterPid ? processTreeCpuMs(shared.postmasterPid) : undefined), machine: machineBusyMs },
            });
            const tickets = await database.checkTickets([...warm.recorder.completedConversations, ...run.recorder.completedConversations]);
            const reasons = new Map<string, number>();
            for (const [label, recorder] of [['warm-up', warm.recorder], ['run', run.recorder]] as const) {
                for (const [reason, n] of recorder.reasons) reasons.set(`${label}: ${reason}`, (reasons.get(`${label}: ${reason}`) ?? 0) + n);
            }
            const { figures, text } = describeResult(WORDS[instances] ?? `${instances} instances`, run);
            return { instances, run, figures, text, tickets, reasons };
        } finally {
            client.close();
        }
    } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await database.drop();
    }
}

/** Where the CPU went during a run: each bot instance, PostgreSQL, the load generator and everything else on the machine. */
function cpuLine(m: Measured): string {
    const { run, figures } = m;
    const bots = run.serverCpuMsEach.map((ms) => cores(ms, run.seconds)).join(' + ');
    const { postgres, machine } = run.meteredCpuMs;
    const others = machine === undefined ? undefined : machine - run.serverCpuMs - (postgres ?? 0) - run.loadCpuMs;
    return `CPU in cores: bot ${bots}, PostgreSQL ${cores(postgres, run.seconds)} (${perTurn(postgres, figures.turns)}), load generator ${cores(run.loadCpuMs, run.seconds)}, other processes ${cores(others, run.seconds)}; machine busy ${cores(machine, run.seconds)} of ${os.cpus().length}`;
}

/**
 * The most turns/s a configuration can reach at its measured CPU cost per turn, even with nothing
 * else on the machine: each instance runs its turns on one thread (at most one core), and the
 * bots, PostgreSQL and the load generator share the machine's cores.
 */
function cpuCeiling(m: Measured, cpus: number): { turnsPerSecond: number; text: string } {
    const turns = m.figures.turns;
    const botMs = m.run.serverCpuMs / turns;
    const mainMs = m.run.serverMainThreadCpuMs === undefined ? undefined : m.run.serverMainThreadCpuMs / turns;
    const postgresMs = (m.run.meteredCpuMs.postgres ?? 0) / turns;
    const loadMs = m.run.loadCpuMs / turns;
    const totalMs = botMs + postgresMs + loadMs;
    const byThreads = mainMs === undefined ? Number.POSITIVE_INFINITY : (m.instances * 1000) / mainMs;
    const byCores = (cpus * 1000) / totalMs;
    const turnsPerSecond = Math.min(byThreads, byCores);
    const main = mainMs === undefined ? '' : ` (main thread${m.instances > 1 ? 's' : ''} ${mainMs.toFixed(2)})`;
    const threads = mainMs === undefined ? '' : `${m.instances > 1 ? `${m.instances} main threads allow` : 'one main thread allows'} ${byThreads.toFixed(0)} turns/s, `;
    return {
        turnsPerSecond,
        text: `bot ${botMs.toFixed(2)}${main} + PostgreSQL ${postgresMs.toFixed(2)} + load generator ${loadMs.toFixed(2)} = ${totalMs.toFixed(2)} ms of CPU per turn; ${threads}${cpus} CPUs ${byCores.toFixed(0)}: at most ${turnsPerSecond.toFixed(0)} turns/s`,
    };
}

export async function scaleOut(options: ScaleOutOptions): Promise<void> {
    const cpus = os.cpus().length;
    const where = new URL(ADMIN_URL).host;
    const server = await describeServer().catch((err: unknown) => {
        throw new Error(`bench --scale-out needs PostgreSQL at ${where} (BENCH_DATABASE_URL): ${(err as Error).message}`);
    });
    print(`bench scale-out: ${options.customers} customers at once through the whole intake, against one bot instance then two, on one PostgreSQL ${server.version} at ${where} (a fresh database for each); turn t of conversation i goes to instance (i + t) mod n`);
    print(`machine: ${cpus} CPUs, shared by the bot instances, PostgreSQL${server.postmasterPid ? '' : ' (CPU not measured: not a process on this machine)'} and this process (the channel and the customers: the load generator); load average ${os.loadavg()[0]?.toFixed(1)} (a shared machine: figures are noisy)`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
    const channel = new BenchChannel();
    await channel.start();
    const shared = { dir, channel, postmasterPid: server.postmasterPid };
    try {
        const one = await measureInstances(1, options, shared);
        print(`  ${one.text}`);
        print(`    ${cpuLine(one)}`);
        const two = await measureInstances(2, options, shared);
        print(`  ${two.text}`);
        print(`    ${cpuLine(two)}`);

        const ratio = two.figures.turnsPerSecond / one.figures.turnsPerSecond;
        print(`  two/one: throughput ${ratio.toFixed(2)} (target >= 1.7), p50 ${(two.figures.p50 / one.figures.p50).toFixed(2)}, p95 ${(two.figures.p95 / one.figures.p95).toFixed(2)}, p99 ${(two.figures.p99 / one.figures.p99).toFixed(2)}; bot CPU per turn ${(two.run.serverCpuMs / two.figures.turns / (one.run.serverCpuMs / one.figures.turns)).toFixed(2)}x`);
        const ceilings = [cpuCeiling(one, cpus), cpuCeiling(two, cpus)] as const;
        print(`  what the CPUs allow at these costs, even with nothing else running:`);
        print(`    one instance:  ${ceilings[0].text}`);
        print(`    two instances: ${ceilings[1].text}`);
        print(`    so two/one at most ${(ceilings[1].turnsPerSecond / ceilings[0].turnsPerSecond).toFixed(2)} on this machine`);

        let lost = 0;
        let duplicated = 0;
        let errors = channel.badRequests;
        for (const m of [one, two]) {
            const t = m.tickets;
            print(`  tickets, ${WORDS[m.instances]}: ${t.stored} stored for ${t.finished} finished intakes (warm-up included); lost ${t.lost}, duplicated ${t.duplicated}`);
            lost += t.lost;
            duplicated += t.duplicated;
            for (const [reason, n] of m.reasons) {
                print(`  error, ${WORDS[m.instances]}: ${reason} x${n}`);
                errors += n;
            }
        }
        if (channel.badRequests) print(`  error: ${channel.badRequests} channel requests it could not read`);
        print(`bench scale-out: one=${one.figures.turnsPerSecond.toFixed(0)} turns/s two=${two.figures.turnsPerSecond.toFixed(0)} turns/s ratio=${ratio.toFixed(2)} lost=${lost} duplicated=${duplicated} errors=${errors + lost + duplicated} conversations=${options.customers}`);
    } finally {
        await channel.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}
