/**
 * One server under benchmark, run as a child process of scripts/bench.ts (forked with an IPC
 * channel and --expose-gc). `bot` is the real app (createApp: SQLite file, dialogs, adapter,
 * restify); `echo` is an echo bot on the same stack (createServer + CloudAdapter + restify), the
 * floor. It tells the parent its port, and answers 'measure' with its memory after a full GC ('cpu': without the GC).
 * Usage (from bench.ts): benchServer.ts bot|echo  with DATABASE_FILE etc. in the environment.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { createApp, serverLimits } from '../../src/app';
import { createAdapter } from '../../src/bot/createAdapter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServer, LISTEN_BACKLOG, type BotServer } from '../../src/server';

export type BenchServerKind = 'bot' | 'echo';

/** Messages the child sends to the parent. */
export type FromServer = { type: 'listening'; port: number } | { type: 'memory'; rss: number; heapUsed: number; external: number; anonymous?: number; cpuMs: number; mainThreadCpuMs?: number };

/** Anonymous (heap, malloc) resident memory, from /proc on Linux: RSS without mapped files. */
function anonymousRss(): number | undefined {
    try {
        const kb = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
        return kb ? Number(kb) * 1024 : undefined;
    } catch {
        return undefined;
    }
}

/**
 * CPU time of the main thread alone (ms, from /proc on Linux): what bounds one Node.js process's
 * throughput, as its other threads (GC, libuv) add to cpuMs without running turns.
 */
function mainThreadCpuMs(): number | undefined {
    try {
        const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, in ticks of 10 ms (Linux's USER_HZ).
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
            await next();
        });
    }
}

async function start(kind: BenchServerKind): Promise<BotServer> {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL);
    if (kind === 'bot') return createApp(config, logger);
    return createServer({ adapter: createAdapter(config, logger), bot: new EchoBot(), logger, maxBodyBytes: config.MAX_BODY_BYTES, limits: serverLimits(config), databaseUp: async () => true });
}

function send(message: FromServer): void {
    process.send?.(message);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Memory and CPU so far. With `collect`, full GCs first, with pauses so that finalisers (native
 * memory of closed statements and sockets) have run and freed pages are back before RSS is read.
 */
async function measure(collect: boolean): Promise<void> {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (collect && gc) {
        for (let i = 0; i < 3; i++) {
            gc();
            await pause(100);
        }
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ type: 'memory', rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, anonymous: anonymousRss(), cpuMs: (cpu.user + cpu.system) / 1000, mainThreadCpuMs: mainThreadCpuMs() });
}

async function main(): Promise<void> {
    const kind = process.argv[2] === 'echo' ? 'echo' : 'bot';
    const { server } = await start(kind);
    server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
    process.on('message', (message: unknown) => {
        if (message === 'measure' || message === 'cpu') void measure(message === 'measure');
    });
    process.on('disconnect', () => process.exit(0));
}

main().catch((err: unknown) => {
    process.stderr.write(`bench server failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
});
