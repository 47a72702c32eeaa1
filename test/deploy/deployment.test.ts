import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { EnvSchema, loadConfig } from '../../src/config';
import { listenAddress } from '../../src/listenAddress';
import { INTENT_MODEL_PATH } from '../../src/understanding/model/intentModel';
import { MODEL_PATH } from '../../src/understanding/model/trainedClassifier';
import { BotHarness } from '../helpers/botHarness';

const bicep = readFileSync('infra/main.bicep', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

/** What the tests read of compose.yaml (YAML merge keys resolved). */
const Compose = z.object({
    services: z.record(z.string(), z.looseObject({
        image: z.string(),
        environment: z.record(z.string(), z.string()).optional(),
        ports: z.array(z.string()).optional(),
        depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
    })),
});
const compose = Compose.parse(parse(readFileSync('compose.yaml', 'utf8'), { merge: true }));
/** The store's connection string comes with the PostgreSQL store (DATABASE_URL); until then the bot ignores it. */
const PENDING = ['DATABASE_URL'];

/** The Dockerfile's last stage (what runs). */
function runtimeStage(): string {
    const stages = dockerfile.split(/^FROM /m);
    return stages[stages.length - 1] ?? '';
}

describe('deployment files', () => {
    it('the Bicep template only sets variables the configuration reads', () => {
        const names = [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', (?:value|secretRef):/g)].map((m) => m[1] as string);
        assert.ok(names.length >= 8, 'the container app has its environment');
        const known = new Set([...Object.keys(EnvSchema.shape), ...PENDING]);
        assert.deepEqual(names.filter((n) => !known.has(n)), []);
        for (const name of names.filter((n) => !PENDING.includes(n))) {
            const value = new RegExp(`name: '${name}', value: '([^']*)'`).exec(bicep)?.[1];
            if (value !== undefined) assert.ok(EnvSchema.shape[name as keyof typeof EnvSchema.shape].safeParse(value).success, `${name}=${value} parses`);
        }
    });

    it('the probes the template configures answer on the real server', async () => {
        const paths = [...bicep.matchAll(/httpGet: \{ path: '([^']+)'/g)].map((m) => m[1] as string);
        assert.deepEqual([...new Set(paths)].sort(), ['/healthz', '/readyz']);
        const bot = await BotHarness.start();
        try {
            for (const path of paths) assert.equal((await fetch(`${bot.baseUrl}${path}`)).status, 200, path);
        } finally {
            await bot.stop();
        }
    });

    it('the image carries every file the bot reads at run time, and runs it unprivileged', () => {
        const stage = runtimeStage();
        const copied = [...stage.matchAll(/^COPY (?:--from=\w+ )?(\S+) /gm)].map((m) => m[1] as string);
        for (const needed of ['content', 'config', MODEL_PATH.split('\\').join('/'), INTENT_MODEL_PATH.split('\\').join('/'), 'src/channels/public', 'src/deskTab/public', 'package.json']) assert.ok(copied.includes(needed), `COPY ${needed}`);
        assert.ok(copied.includes('/app/dist') && copied.includes('/app/node_modules'));
        assert.match(stage, /^USER node$/m);
        const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start;
        assert.match(stage, new RegExp(`^CMD \\["node", "${start?.replace('node ', '')}"\\]$`, 'm'), 'the image starts what npm start starts');
    });

    it('the image runs a supported LTS line of Node, one the engines range (and so CI on Node 20) also names', () => {
        const majors = [...dockerfile.matchAll(/^FROM node:(\d+)-slim\b/gm)].map((m) => Number(m[1]));
        assert.equal(majors.length, 2, 'build and runtime stages');
        assert.equal(new Set(majors).size, 1, 'both stages on the same Node');
        assert.ok(majors[0] === 22 || majors[0] === 24, `Node ${majors[0]} is an LTS line in support`);
        for (const major of [20, majors[0]]) assert.match(packageJson.engines.node, new RegExp(`\\^${major}\\.`), `engines names Node ${major}`);
    });

    it('compose.yaml runs two bots on one PostgreSQL, with settings the configuration accepts, on loopback only', () => {
        const { postgres, ...others } = compose.services;
        assert.ok(postgres, 'a postgres service');
        const bots = Object.entries(others).filter(([, service]) => service.environment?.DATABASE_URL);
        assert.equal(bots.length, 2, 'two bot instances: the scale-out mode');
        const database = postgres.environment ?? {};
        for (const [name, bot] of bots) {
            const url = new URL(bot.environment?.DATABASE_URL ?? '');
            assert.equal(url.hostname, 'postgres', `${name} reaches the postgres service`);
            assert.deepEqual([url.username, url.password, url.pathname.slice(1)], [database.POSTGRES_USER, database.POSTGRES_PASSWORD, database.POSTGRES_DB], `${name} uses its credentials`);
            assert.equal(bot.depends_on?.postgres?.condition, 'service_healthy', `${name} waits for the database`);
            const config = loadConfig(bot.environment);
            assert.equal(listenAddress(config).host, '0.0.0.0', `${name} listens beyond the container's loopback`);
            for (const port of bot.ports ?? []) assert.match(port, /^127\.0\.0\.1:\d+:3978$/, `${name} is published on loopback only`);
        }
        assert.equal(new Set(bots.map(([, bot]) => bot.ports?.[0]?.split(':')[1])).size, 2, 'each bot on its own host port');
        const pgMajor = /version: '(\d+)'/.exec(bicep)?.[1];
        assert.match(postgres.image, new RegExp(`^postgres:${pgMajor}\\b`), 'the PostgreSQL major version Azure runs');
    });
});
