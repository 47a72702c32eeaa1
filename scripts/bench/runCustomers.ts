import { performance } from 'node:perf_hooks';
import type { BenchChannel } from './benchChannel';
import { HttpClient, idleCustomer, Recorder, type CustomerContext } from './customers';
import type { ServerHandle } from './serverHandle';
import { describeRun, figures, type RunFigures } from './stats';

export type Customer = (ctx: CustomerContext, index: number) => Promise<void>;

/** Customers start spread over this long by default, as real traffic does (not one synchronised burst). */
const RAMP_MS = 1000;

export interface RunOptions {
    count: number;
    run: string;
    /** Customers start spread over this long (real traffic is not one synchronised burst). */
    rampMs?: number;
    think?: () => number;
    /** Other CPU clocks (ms so far, undefined where unknown) read just before and after the customers, e.g. the database server's. */
    cpuMeters?: Record<string, () => number | undefined>;
}

export interface RunResult {
    recorder: Recorder;
    seconds: number;
    /** CPU used by the servers (all instances) and by this process (load generator and channel), in ms. */
    serverCpuMs: number;
    /** The same, per server (in the order given). */
    serverCpuMsEach: number[];
    /** CPU of the servers' main threads (where turns run), summed; undefined without /proc. */
    serverMainThreadCpuMs?: number;
    loadCpuMs: number;
    /** What each of RunOptions.cpuMeters counted during the run, in ms. */
    meteredCpuMs: Record<string, number | undefined>;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Runs `count` customers at once and gathers their turns and CPU use. With several servers,
 * the turns are shared out by the customers' own round-robin (see CustomerContext.serverUrls).
 */
export async function runCustomers(servers: readonly ServerHandle[], channel: BenchChannel, client: HttpClient, customer: Customer, options: RunOptions): Promise<RunResult> {
    const recorder = new Recorder();
    const ctx: CustomerContext = { serverUrls: servers.map((s) => s.url), channel, client, recorder, run: options.run, think: options.think };
    const rampMs = options.rampMs ?? RAMP_MS;
    const delay = (i: number) => new Promise<void>((resolve) => setTimeout(resolve, (i * rampMs) / options.count));
    for (const server of servers) await client.warm(server.url);
    const serverCpu = () => Promise.all(servers.map((s) => s.measure(false)));
    const serverBefore = await serverCpu();
    const readMeters = (): Record<string, number | undefined> => Object.fromEntries(Object.entries(options.cpuMeters ?? {}).map(([name, read]) => [name, read()]));
    const metersBefore = readMeters();
    const loadBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: options.count }, (_, i) => delay(i).then(() => customer(ctx, i))));
    const seconds = (performance.now() - started) / 1000;
    const load = process.cpuUsage(loadBefore);
    const metersAfter = readMeters();
    const serverAfter = await serverCpu();
    const serverCpuMsEach = serverAfter.map((m, i) => m.cpuMs - (serverBefore[i]?.cpuMs ?? 0));
    const mainThreads = serverAfter.map((m, i) => (m.mainThreadCpuMs === undefined || serverBefore[i]?.mainThreadCpuMs === undefined ? undefined : m.mainThreadCpuMs - serverBefore[i].mainThreadCpuMs));
    const serverMainThreadCpuMs = mainThreads.every((ms) => ms !== undefined) ? sum(mainThreads) : undefined;
    const meteredCpuMs = Object.fromEntries(
        Object.entries(metersAfter).map(([name, after]) => {
            const before = metersBefore[name];
            return [name, after !== undefined && before !== undefined ? after - before : undefined];
        }),
    );
    return { recorder, seconds, serverCpuMs: sum(serverCpuMsEach), serverCpuMsEach, serverMainThreadCpuMs, loadCpuMs: (load.user + load.system) / 1000, meteredCpuMs };
}

/** Runs idle one-turn conversations, at most `parallel` at a time. */
export async function runIdle(server: ServerHandle, channel: BenchChannel, client: HttpClient, from: number, to: number, parallel: number): Promise<Recorder> {
    const recorder = new Recorder();
    const ctx: CustomerContext = { serverUrls: [server.url], channel, client, recorder, run: 'idle' };
    let next = from;
    const worker = async (): Promise<void> => {
        while (next < to) await idleCustomer(ctx, next++);
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return recorder;
}

/** A run's figures and its line: turns/s, latency quantiles, server and load-generator CPU per turn. */
export function describeResult(label: string, result: RunResult): { figures: RunFigures; text: string } {
    const f = figures(result.recorder.latencies, result.seconds, result.recorder.errors);
    const cpu = `; server CPU ${(result.serverCpuMs / f.turns).toFixed(2)} ms/turn, load generator ${(result.loadCpuMs / f.turns).toFixed(2)} ms/turn`;
    return { figures: f, text: describeRun(label, f) + cpu };
}
