import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EnvSchema } from '../../src/config';
import { INTENT_MODEL_PATH } from '../../src/understanding/model/intentModel';
import { MODEL_PATH } from '../../src/understanding/model/trainedClassifier';
import { BotHarness } from '../helpers/botHarness';

const bicep = readFileSync('infra/main.bicep', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');
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
});
