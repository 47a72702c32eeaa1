/**
 * One server under benchmark, run as a child process of scripts/bench.ts (forked with an IPC
 * channel and --expose-gc). `bot` is the real app (createApp: SQLite file, dialogs, adapter,
 * restify); `echo` is an echo bot on the same stack (createServer + CloudAdapter + restify), the
 * floor. It tells the parent its port, and answers 'measure' with its memory after a full GC ('cpu': without the GC).
 * Usage (from bench.ts): benchServer.ts bot|echo  with DATABASE_FILE etc. in the environment.
 */
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { createApp, serverLimits } from '../../src/app';
import { createAdapter } from '../../src/bot/createAdapter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServer, LISTEN_BACKLOG, type BotServer } from '../../src/server';

export type BenchServerKind = 'bot' | 'echo';

/** Messages the child sends to the parent. */
export type FromServer = { type: 'listening'; port: number } | { type: 'memory'; rss: number; heapUsed: number; cpuMs: number };

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

async function main(): Promise<void> {
    const kind = process.argv[2] === 'echo' ? 'echo' : 'bot';
    const { server } = await start(kind);
    server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
    process.on('message', (message: unknown) => {
        if (message !== 'measure' && message !== 'cpu') return;
        const gc = (globalThis as { gc?: () => void }).gc;
        // Twice: the first pass may leave finalised objects for the second.
        if (message === 'measure') {
            gc?.();
            gc?.();
        }
        const memory = process.memoryUsage();
        const cpu = process.cpuUsage();
        send({ type: 'memory', rss: memory.rss, heapUsed: memory.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 });
    });
    process.on('disconnect', () => process.exit(0));
}

main().catch((err: unknown) => {
    process.stderr.write(`bench server failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
});
