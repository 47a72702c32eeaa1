import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fillManifest, ManifestPlaceholderError, validateManifest } from '../../scripts/teams/manifest';
import { decodePng, encodePng } from '../../scripts/teams/png';
import { listZip, readZipEntry } from '../../scripts/teams/zip';

const root = path.resolve(__dirname, '..', '..');
const template = readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8');
const icons = { color: readFileSync(path.join(root, 'appPackage/color.png')), outline: readFileSync(path.join(root, 'appPackage/outline.png')) };
const SAMPLE = {
    TEAMS_APP_ID: '0b6f5c1e-7a43-4d8e-9f21-3c5d7e9a1b24',
    BOT_ID: '11111111-2222-4333-8444-555555555555',
    BOT_DOMAIN: 'bot.contoso.example',
    PARTNER_NAME: 'Contoso "Cloud" Services',
    PARTNER_WEBSITE: 'https://contoso-cloud.example',
};

interface Manifest {
    name: { short: string };
    bots: Array<{ botId: string; commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    validDomains: string[];
    developer: { privacyUrl: string };
    accentColor: string;
}
const sample = (values: Record<string, string> = {}): Manifest => JSON.parse(fillManifest(template, { ...SAMPLE, ...values })) as Manifest;

/** The outline icon with pixel (x, y) replaced by an RGBA value. */
function outlineWith(x: number, y: number, pixel: number[]): Buffer {
    const image = decodePng(icons.outline);
    image.rgba.set(pixel, (y * image.width + x) * 4);
    return encodePng(image);
}

/** Runs the packaging script as `node --import tsx scripts/teamsPackage.ts` with only `env`. */
function runScript(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teamsPackage.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', TEAMS_PACKAGE_ENV_FILE: path.join(tmpdir(), 'no-such-teams-package.env'), ...env },
        encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Teams app package', () => {
    it('fills the template with sample values into a manifest that validates', () => {
        const manifest = sample();
        assert.deepEqual(validateManifest(manifest, icons), []);
        assert.equal(manifest.bots[0]!.botId, SAMPLE.BOT_ID);
        assert.deepEqual(manifest.validDomains, ['bot.contoso.example']);
        assert.equal(manifest.developer.privacyUrl, 'https://contoso-cloud.example/privacy');
        assert.deepEqual(manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title), ['help', 'start over', 'cancel']);
    });

    it('names every placeholder left without a value', () => {
        assert.throws(
            () => fillManifest(template, { ...SAMPLE, BOT_ID: '', BOT_DOMAIN: undefined as unknown as string }),
            (err: Error) => err instanceof ManifestPlaceholderError && err.missing.join() === 'BOT_DOMAIN,BOT_ID' && /BOT_DOMAIN, BOT_ID/.test(err.message),
        );
        const manifest = sample();
        manifest.bots[0]!.botId = '${{BOT_ID}}';
        assert.ok(validateManifest(manifest, icons).includes('bots[0].botId: placeholder ${{BOT_ID}} was not filled in'));
    });

    it('reports a short name over 30 characters', () => {
        const manifest = sample();
        manifest.name.short = 'Contoso Cloud Services Support Desk';
        assert.deepEqual(validateManifest(manifest, icons), ['name.short: must be at most 30 characters (it has 35)']);
    });

    it('reports a bot id that is not a GUID', () => {
        const problems = validateManifest(sample({ BOT_ID: 'my-bot' }), icons);
        assert.deepEqual(problems, ['bots[0].botId: must be a GUID like 00000000-0000-0000-0000-000000000000 (got "my-bot")']);
    });

    it('reports a scheme in validDomains', () => {
        const problems = validateManifest(sample({ BOT_DOMAIN: 'https://bot.contoso.example' }), icons);
        assert.equal(problems.length, 1);
        assert.match(problems[0]!, /^validDomains\[0\]: must be a host name without a scheme .*use "bot\.contoso\.example"/);
    });

    it('reports other bad values: lengths, counts, URLs, colour, version', () => {
        const manifest = sample({ PARTNER_WEBSITE: 'http://contoso-cloud.example' }) as Manifest & Record<string, unknown>;
        manifest.accentColor = 'blue';
        manifest.version = '1.0';
        manifest.bots[0]!.commandLists[0]!.commands = Array.from({ length: 11 }, (_, i) => ({ title: `command ${i}`, description: 'x'.repeat(i === 0 ? 129 : 5) }));
        manifest.bots[0]!.commandLists[0]!.commands[1]!.title = 'a very long command title, 33 chr';
        const problems = validateManifest(manifest, icons).join('\n');
        for (const expected of [
            /developer\.websiteUrl: must be an https:\/\/ URL/, /developer\.privacyUrl: must be an https/, /developer\.termsOfUseUrl: must be an https/,
            /accentColor: must be a colour like #0F6CBD \(got "blue"\)/, /version: must be a semantic version/,
            /commands: may hold at most 10 commands \(it has 11\)/, /commands\[0\]\.description: must be at most 128 characters/, /commands\[1\]\.title: must be at most 32 characters/,
        ]) assert.match(problems, expected);
    });

    it('reports a 64×64 outline icon and a colour icon of the wrong size', () => {
        const big = encodePng({ width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4) });
        assert.deepEqual(validateManifest(sample(), { color: icons.outline, outline: big }), [
            'icons.color: must be 192×192 pixels (it is 32×32)',
            'icons.outline: must be 32×32 pixels (it is 64×64)',
        ]);
    });

    it('reports coloured pixels and an opaque background in the outline icon', () => {
        const red = outlineWith(16, 16, [255, 0, 0, 255]);
        assert.deepEqual(validateManifest(sample(), { ...icons, outline: red }), [
            'icons.outline: must hold only white (#FFFFFF) or fully transparent pixels; 1 pixel(s) are coloured, the first #FF0000 at (16, 16)',
        ]);
        const opaque = encodePng({ width: 32, height: 32, rgba: new Uint8Array(32 * 32 * 4).fill(255) });
        assert.deepEqual(validateManifest(sample(), { ...icons, outline: opaque }), ['icons.outline: must have a transparent background (no pixel on its edge is fully transparent)']);
        assert.match(validateManifest(sample(), { ...icons, outline: Buffer.from('not a png') }).join(), /icons\.outline: not a PNG file/);
    });

    describe('scripts/teamsPackage.ts', () => {
        let out = '';
        beforeEach(() => { out = mkdtempSync(path.join(tmpdir(), 'teams-package-')); });
        afterEach(() => rmSync(out, { recursive: true, force: true }));

        it('writes a zip holding exactly manifest.json, color.png and outline.png, with the bot id filled in', () => {
            const appId = '9b1f8b1e-1111-4222-8333-444455556666';
            const run = runScript({ MicrosoftAppId: appId, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out });
            assert.equal(run.status, 0, run.stderr);
            const zipFile = path.join(out, 'csp-support-bot-teams-app.zip');
            assert.deepEqual(readdirSync(out), ['csp-support-bot-teams-app.zip']);
            assert.match(run.stdout, new RegExp(`^${zipFile.replace(/[.\\]/g, '\\$&')}\n.*app id [0-9a-f-]{36}, bot id ${appId}`));
            const zip = readFileSync(zipFile);
            assert.deepEqual(listZip(zip).map((e) => e.name).sort(), ['color.png', 'manifest.json', 'outline.png']);
            const manifest = JSON.parse(readZipEntry(zip, 'manifest.json').toString('utf8')) as Manifest & { id: string; developer: { name: string } };
            assert.equal(manifest.bots[0]!.botId, appId);
            assert.notEqual(manifest.id, appId);
            assert.equal(manifest.developer.name, 'Contoso Cloud Services');
            assert.deepEqual(readZipEntry(zip, 'outline.png'), icons.outline);
            assert.deepEqual(validateManifest(manifest, { color: readZipEntry(zip, 'color.png'), outline: readZipEntry(zip, 'outline.png') }), []);

            const again = runScript({ MicrosoftAppId: appId, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out });
            assert.equal(again.status, 0, again.stderr);
            assert.deepEqual(readFileSync(zipFile), zip, 'the same inputs give the same package (stable TEAMS_APP_ID, fixed timestamps)');
        });

        it('exits 1 naming MicrosoftAppId when it is missing, and writes nothing', () => {
            const run = runScript({ BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out });
            assert.equal(run.status, 1);
            assert.match(run.stderr, /MicrosoftAppId is not set/);
            assert.deepEqual(readdirSync(out), []);
        });

        it('exits 1 on a malformed MicrosoftAppId or a BOT_DOMAIN with a scheme', () => {
            const run = runScript({ MicrosoftAppId: 'abc', BOT_DOMAIN: 'https://bot.contoso.example/', TEAMS_PACKAGE_OUT: out });
            assert.equal(run.status, 1);
            assert.match(run.stderr, /MicrosoftAppId "abc" is not a GUID/);
            assert.match(run.stderr, /BOT_DOMAIN "https:\/\/bot\.contoso\.example\/" is not a host name/);
        });
    });
});
