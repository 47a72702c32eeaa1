/**
 * The desk tab's queries at size: seeds N tickets (default 1,000,000) over two years with
 * their events, conversations and takeovers into a throwaway SQLite file and a throwaway
 * PostgreSQL database, then times every report query (30 and 90 days, unfiltered and
 * filtered) and the whole Now view, and prints each p95; the last line is
 * `reports: worst_p95_ms_sqlite=N worst_p95_ms_postgres=N now_p95_ms=N tickets=N`.
 * Usage: node --import tsx scripts/benchReports.ts [--tickets N] [--runs N] [--skip-postgres]
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { NowRepository } from '../src/deskTab/nowRepository';
import { buildNowView } from '../src/deskTab/nowView';
import { reportFilters, type ReportQuery } from '../src/deskTab/reportFilters';
import { ReportRepository } from '../src/deskTab/reportRepository';
import { OutboxRepository } from '../src/outbox/outboxRepository';
import { openSqliteDatabase, type OpenDatabase } from '../src/store/database';
import { openPostgresDatabase } from '../src/store/postgresDatabase';
import { SEED_AGENTS, seedDesk } from '../test/helpers/deskSeed';

const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
    return Number.isFinite(value) && value > 0 ? value : fallback;
};
const TICKETS = arg('--tickets', 1_000_000);
const RUNS = arg('--runs', 20);
const SKIP_POSTGRES = process.argv.includes('--skip-postgres');
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2026-12-07T09:30:00.000Z');
const FROM = new Date('2024-12-07T00:00:00.000Z');
const ZONE = 'Europe/Madrid';

const SCENARIOS: Array<[string, ReportQuery]> = [
    ['30 days', { from: '2026-11-07', to: '2026-12-06' }],
    ['90 days', { from: '2026-09-08', to: '2026-12-06' }],
    ['30 days, technical A-C in Spanish on Teams', { from: '2026-11-07', to: '2026-12-06', category: 'technical', language: 'es', channel: 'msteams' }],
    ['90 days, severity A', { from: '2026-09-08', to: '2026-12-06', severity: 'A' }],
];

function p95(samples: number[]): number {
    const sorted = [...samples].sort((a, b) => a - b);
    return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN) * 10) / 10;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number> {
    await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await work();
        samples.push(performance.now() - started);
    }
    return p95(samples);
}

async function seed(database: OpenDatabase, label: string): Promise<void> {
    const started = performance.now();
    // One transaction: a bulk load, not a million commits.
    await database.db.transaction().execute((trx) => seedDesk(trx, { tickets: TICKETS, from: FROM, now: NOW, seed: 42, progress: (n) => process.stdout.write(`  ${label}: ${n} tickets seeded (${Math.round((performance.now() - started) / 1000)} s)\n`) }));
    // Planner statistics (and on PostgreSQL the visibility map that index-only scans need), as
    // autovacuum would gather soon after such a load.
    await sql.raw(database.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
    process.stdout.write(`  ${label}: seeded in ${Math.round((performance.now() - started) / 1000)} s\n`);
}

/** p95 of every report query in every scenario; returns the worst, and the Now view's p95. */
async function measure(database: OpenDatabase, label: string): Promise<{ worst: number; now: number }> {
    const reports = new ReportRepository(database.db, database.dialect);
    const nowIso = NOW.toISOString();
    let worst = 0;
    for (const [scenario, query] of SCENARIOS) {
        const f = reportFilters(query, ZONE, NOW);
        const queries: Array<[string, () => Promise<unknown>]> = [
            ['byCategory', () => reports.ticketsBy(f, 'category')],
            ['byProduct', () => reports.ticketsBy(f, 'product')],
            ['bySeverity', () => reports.ticketsBy(f, 'severity')],
            ['byLanguage', () => reports.ticketsBy(f, 'language')],
            ['dueTimes', () => reports.dueTimes(f, nowIso)],
            ['ticketRatings', () => reports.ticketRatings(f)],
            ['articles', () => reports.articles(f)],
            ['ticketsPerHour', () => reports.ticketsPerHour(f)],
            ['waits', () => reports.waits(f)],
            ['chatRatings', () => reports.chatRatings(f)],
            ['conversations', () => reports.conversations(f)],
        ];
        const line: string[] = [];
        for (const [name, work] of queries) {
            const ms = await time(RUNS, work);
            worst = Math.max(worst, ms);
            line.push(`${name}=${ms}`);
        }
        process.stdout.write(`  ${label} ${scenario}: p95 ms ${line.join(' ')}\n`);
    }
    const nowRepository = new NowRepository(database.db, database.dialect);
    const outbox = new OutboxRepository(database.db);
    const roster = async () => SEED_AGENTS.map((a) => ({ aadObjectId: a.id, name: a.name, availability: a.availability, hasChat: true }));
    const now = await time(RUNS, () => buildNowView({ now: nowRepository, roster, dead: (n) => outbox.dead(n), alertShare: 0.75 }, NOW));
    process.stdout.write(`  ${label} Now view: p95 ${now} ms\n`);
    return { worst, now };
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
        return await work(client);
    } finally {
        await client.end();
    }
}

async function main(): Promise<void> {
    process.stdout.write(`bench:reports: ${TICKETS} tickets over two years, ${RUNS} timed runs per query\n`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-reports-'));
    const sqlite = await openSqliteDatabase(path.join(dir, 'bench.sqlite'));
    let sqliteFigures: { worst: number; now: number };
    try {
        await seed(sqlite, 'sqlite');
        sqliteFigures = await measure(sqlite, 'sqlite');
    } finally {
        await sqlite.close();
        rmSync(dir, { recursive: true, force: true });
    }
    let postgresWorst = NaN;
    let postgresNow = NaN;
    if (!SKIP_POSTGRES) {
        const name = `bench_reports_${randomBytes(4).toString('hex')}`;
        await admin((c) => c.query(`CREATE DATABASE ${name}`));
        const url = new URL(ADMIN_URL);
        url.pathname = `/${name}`;
        const postgres = await openPostgresDatabase(url.toString(), { poolMax: 10, timeoutMs: 120_000 });
        try {
            await seed(postgres, 'postgres');
            const figures = await measure(postgres, 'postgres');
            postgresWorst = figures.worst;
            postgresNow = figures.now;
        } finally {
            await postgres.close();
            await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        }
    }
    const nowP95 = Number.isNaN(postgresNow) ? sqliteFigures.now : Math.max(sqliteFigures.now, postgresNow);
    process.stdout.write(`reports: worst_p95_ms_sqlite=${sqliteFigures.worst} worst_p95_ms_postgres=${Number.isNaN(postgresWorst) ? 'skipped' : postgresWorst} now_p95_ms=${nowP95} tickets=${TICKETS}\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`bench:reports failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
});
