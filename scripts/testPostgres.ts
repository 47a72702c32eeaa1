/**
 * The store, end-to-end and telemetry tests again, on PostgreSQL: each harness gets a fresh database on
 * the server at TEST_DATABASE_URL (default: the local server). An unreachable server fails
 * the run under CI=true; elsewhere it is reported and the run is skipped.
 * Usage: node --import tsx scripts/testPostgres.ts [path-substring ...]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const where = (() => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
})();

async function reachable(): Promise<string | undefined> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
        await client.connect();
        await client.query('select 1');
        return undefined;
    } catch (err) {
        return (err as Error).message;
    } finally {
        await client.end().catch(() => undefined);
    }
}

async function main(): Promise<void> {
    const problem = await reachable();
    if (problem) {
        const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');
        process.stderr.write(`test:postgres: PostgreSQL at ${where} is unreachable (${problem})${ci ? '' : '; skipped (set CI=true to fail instead)'}\n`);
        process.exitCode = ci ? 1 : 0;
        return;
    }
    const filters = process.argv.slice(2);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'runTests.ts'), ...(filters.length ? filters : ['test/store', 'test/e2e', 'test/telemetry'])], {
        stdio: 'inherit',
        env: { ...process.env, TEST_DATABASE_URL: url },
    });
    process.exitCode = result.status ?? 1;
}

void main();
