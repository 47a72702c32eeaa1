/**
 * Reads a V8 CPU profile (.cpuprofile, as written by --cpu-prof or the inspector's
 * Profiler.stop) and tells where the time went: self time per function and per package
 * (botbuilder, botframework-connector, restify, kysely, better-sqlite3, pino, node's own
 * internals, the bot's own modules, the garbage collector).
 * Usage: node --import tsx scripts/bench/profileReport.ts FILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ProfileSchema = z.object({
    nodes: z.array(
        z.object({
            id: z.number(),
            callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
        }),
    ),
    startTime: z.number(),
    samples: z.array(z.number()),
    timeDeltas: z.array(z.number()),
});

/** A stretch of the monotonic clock in microseconds (process.hrtime.bigint() / 1000n, as V8 stamps samples). */
export interface ProfileWindow {
    fromUs: number;
    toUs: number;
}

/** One function's (or package's) share of a profile. */
export interface ProfileRow {
    name: string;
    pkg: string;
    selfMs: number;
    share: number;
}

export interface ProfileSummary {
    totalMs: number;
    functions: ProfileRow[];
    packages: ProfileRow[];
}

/** The package a script belongs to: its node_modules folder, the bot's top folder, or node. */
export function packageOf(url: string, functionName: string): string {
    if (!url) return functionName.startsWith('(') ? functionName : '(native)';
    if (url.startsWith('node:')) return 'node';
    const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (modules?.[1]) return modules[1];
    const own = /\/(src|dialogs|cards|scripts)\/([^/]+)/.exec(url);
    if (own) return `bot ${own[1]}/${own[2]?.replace(/\.[jt]s$/, '')}`;
    return 'other';
}

/** Self time per function and per package, within `window` if given; idle time is left out of the shares. */
export function summarise(raw: unknown, window?: ProfileWindow): ProfileSummary {
    const profile = ProfileSchema.parse(raw);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfByNode = new Map<number, number>();
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
        const delta = profile.timeDeltas[i] ?? 0;
        at += delta;
        if (window && (at < window.fromUs || at > window.toUs)) return;
        selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta / 1000);
    });
    const functions = new Map<string, ProfileRow>();
    const packages = new Map<string, ProfileRow>();
    let totalMs = 0;
    for (const [id, ms] of selfByNode) {
        const frame = byId.get(id)?.callFrame;
        if (!frame || frame.functionName === '(idle)') continue;
        totalMs += ms;
        const pkg = packageOf(frame.url, frame.functionName);
        const file = frame.url.replace(/^.*\/(node_modules|src|dialogs|cards|scripts)\//, '$1/');
        const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
        const fn = functions.get(name) ?? { name, pkg, selfMs: 0, share: 0 };
        fn.selfMs += ms;
        functions.set(name, fn);
        const group = packages.get(pkg) ?? { name: pkg, pkg, selfMs: 0, share: 0 };
        group.selfMs += ms;
        packages.set(pkg, group);
    }
    const rank = (rows: Iterable<ProfileRow>): ProfileRow[] =>
        [...rows].map((r) => ({ ...r, share: totalMs ? r.selfMs / totalMs : 0 })).sort((a, b) => b.selfMs - a.selfMs);
    return { totalMs, functions: rank(functions.values()), packages: rank(packages.values()) };
}

const pct = (share: number): string => `${(100 * share).toFixed(1).padStart(5)} %`;

/** The report as lines: top `top` functions by self time, then every package's total. */
export function reportLines(summary: ProfileSummary, top = 25, turns?: number): string[] {
    const perTurn = (ms: number): string => (turns ? ` ${((1000 * ms) / turns).toFixed(0).padStart(5)} µs/turn` : '');
    const lines = [`CPU profile: ${summary.totalMs.toFixed(0)} ms busy${turns ? ` over ${turns} turns` : ''}; top ${top} functions by self time:`];
    for (const f of summary.functions.slice(0, top)) lines.push(`  ${pct(f.share)}${perTurn(f.selfMs)}  ${f.pkg.padEnd(28)} ${f.name}`);
    lines.push('by package:');
    for (const p of summary.packages.filter((row) => row.share >= 0.005)) lines.push(`  ${pct(p.share)}${perTurn(p.selfMs)}  ${p.name}`);
    return lines;
}

if (require.main === module) {
    const file = process.argv[2];
    if (!file) {
        process.stderr.write('usage: profileReport.ts FILE.cpuprofile [--top N]\n');
        process.exit(2);
    }
    const at = process.argv.indexOf('--top');
    const top = at >= 0 ? Number(process.argv[at + 1]) : 25;
    const summary = summarise(JSON.parse(readFileSync(file, 'utf8')));
    process.stdout.write(`${reportLines(summary, top).join('\n')}\n`);
}
