import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import path from 'node:path';
import type { BenchServerKind, FromServer } from './benchServer';
import { projectRoot } from '../../src/paths';

/** A server under benchmark, running as a child process (scripts/bench/benchServer.ts). */
export interface ServerHandle {
    kind: BenchServerKind;
    /** Names its log file and its profile folder ('bot', 'echo', 'bot-2' …). */
    name: string;
    child: ChildProcess;
    url: string;
    /** Memory (after a full GC when `gc`) and CPU time used so far. */
    measure(gc?: boolean): Promise<Extract<FromServer, { type: 'memory' }>>;
    /** Disconnects the child and waits until it has exited (a CPU profile is written on exit). */
    stop(): Promise<void>;
}

export interface ServerOptions {
    /** Where the log goes (`<name>.log`); the SQLite file too (`<name>.sqlite`) unless `env` names a DATABASE_URL. */
    dir: string;
    /** Names its log, database file and profile folder (default: the kind). */
    name?: string;
    /** Added to the environment (e.g. DATABASE_URL). */
    env?: NodeJS.ProcessEnv;
    /** Writes a V8 CPU profile of the child into `<profileDir>/<name>` when it exits. */
    profileDir?: string;
}

/**
 * The bench server as `npm start` runs the bot: compiled JavaScript (`npm run bench` builds it
 * first, tsconfig.bench.json), without the TypeScript loader and its thread.
 */
const COMPILED_SERVER = 'dist/bench/scripts/bench/benchServer.js';

/** Forks a bench server (compiled when built, else from TypeScript through tsx) and resolves once it listens. */
export async function startServer(kind: BenchServerKind, options: ServerOptions): Promise<ServerHandle> {
    const name = options.name ?? kind;
    const log = openSync(path.join(options.dir, `${name}.log`), 'w');
    const compiled = path.join(projectRoot(), COMPILED_SERVER);
    const built = existsSync(compiled);
    const child = fork(built ? compiled : path.join(__dirname, 'benchServer.ts'), [kind], {
        execArgv: ['--expose-gc', '--no-deprecation', ...(built ? [] : ['--import', 'tsx']), ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir, name)}`] : [])],
        env: { ...process.env, DATABASE_FILE: path.join(options.dir, `${name}.sqlite`), LOG_LEVEL: 'info', NODE_ENV: 'production', ...options.env },
        stdio: ['ignore', log, 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const next = <T extends FromServer['type']>(type: T): Promise<Extract<FromServer, { type: T }>> =>
        new Promise((resolve, reject) => {
            const onMessage = (message: FromServer): void => {
                if (message.type !== type) return;
                child.off('message', onMessage);
                child.off('exit', onExit);
                resolve(message as Extract<FromServer, { type: T }>);
            };
            const onExit = (code: number | null): void => reject(new Error(`${name} server exited with ${code}`));
            child.on('message', onMessage);
            child.once('exit', onExit);
        });
    const { port } = await next('listening');
    return {
        kind,
        name,
        child,
        url: `http://127.0.0.1:${port}`,
        measure: (gc = true) => {
            const answer = next('memory');
            child.send(gc ? 'measure' : 'cpu');
            return answer;
        },
        stop: () => {
            if (child.connected) child.disconnect();
            return exited;
        },
    };
}
