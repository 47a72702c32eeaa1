import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateManifest } from '../../scripts/teams/manifest';
import { decodePng } from '../../scripts/teams/png';
import { listZip, readZipEntry } from '../../scripts/teams/zip';
import { icons, root, template, type Manifest } from './appPackageFixture';

/** Runs the packaging script as `node --import tsx scripts/teamsPackage.ts` with only `env`. */
function runScript(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teamsPackage.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', TEAMS_PACKAGE_ENV_FILE: path.join(tmpdir(), 'no-such-teams-package.env'), ...env },
        encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const APP_ID = '9b1f8b1e-1111-4222-8333-444455556666';

describe('scripts/teamsPackage.ts', () => {
    let out = '';
    let appPackage = '';
    beforeEach(() => {
        out = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
        appPackage = mkdtempSync(path.join(tmpdir(), 'teams-app-package-'));
    });
    afterEach(() => {
        rmSync(out, { recursive: true, force: true });
        rmSync(appPackage, { recursive: true, force: true });
    });

    /** An app package folder holding the committed icons and `manifest` as its template. */
    function appPackageWith(manifest: string): string {
        writeFileSync(path.join(appPackage, 'manifest.json'), manifest);
        for (const icon of ['color.png', 'outline.png', 'es.json', 'pt-BR.json', 'ru.json']) copyFileSync(path.join(root, 'appPackage', icon), path.join(appPackage, icon));
        return appPackage;
    }

    it('writes a zip holding exactly manifest.json, the icons and the language files, with the bot id filled in', () => {
        const run = runScript({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out });
        assert.equal(run.status, 0, run.stderr);
        const zipFile = path.join(out, 'csp-support-bot-teams-app.zip');
        assert.deepEqual(readdirSync(out), ['csp-support-bot-teams-app.zip']);
        assert.match(run.stdout, new RegExp(`^${zipFile.replace(/[.\\]/g, '\\$&')}\n.*app id [0-9a-f-]{36}, bot id ${APP_ID}`));
        const zip = readFileSync(zipFile);
        assert.deepEqual(listZip(zip).map((e) => e.name).sort(), ['color.png', 'es.json', 'manifest.json', 'outline.png', 'pt-BR.json', 'ru.json']);
        assert.match(run.stdout, /languages default, es, pt-BR, ru;/);
        assert.match(readZipEntry(zip, 'ru.json').toString('utf8'), /"name\.full": "Служба поддержки Contoso Cloud Services/, 'placeholders filled in the language files too');
        const manifest = JSON.parse(readZipEntry(zip, 'manifest.json').toString('utf8')) as Manifest & { id: string; developer: { name: string }; supportsChannelFeatures: string };
        assert.equal(manifest.bots[0]!.botId, APP_ID);
        assert.notEqual(manifest.id, APP_ID);
        assert.equal(manifest.developer.name, 'Contoso Cloud Services');
        assert.equal(manifest.manifestVersion, '1.30');
        assert.equal(manifest.supportsChannelFeatures, 'tier1', 'the app can be added to shared and private channels');
        assert.deepEqual(readZipEntry(zip, 'outline.png'), icons.outline);
        assert.deepEqual(validateManifest(manifest, { color: readZipEntry(zip, 'color.png'), outline: readZipEntry(zip, 'outline.png') }), []);
        const color = decodePng(readZipEntry(zip, 'color.png'));
        const outline = decodePng(readZipEntry(zip, 'outline.png'));
        assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
        assert.equal(outline.rgba[3], 0, 'the outline icon\'s corner is transparent');

        const again = runScript({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out });
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

    it('exits 1 naming the language file, the schema and the field when a translation is too long', () => {
        const dir = appPackageWith(template);
        const es = JSON.parse(readFileSync(path.join(dir, 'es.json'), 'utf8')) as Record<string, string>;
        writeFileSync(path.join(dir, 'es.json'), JSON.stringify({ ...es, 'description.short': 'x'.repeat(81) }));
        const run = runScript({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out, TEAMS_APP_PACKAGE_DIR: dir });
        assert.equal(run.status, 1);
        assert.match(run.stderr, /^Teams package not built: the language files are not valid; checked against Microsoft's Teams localization schema 1\.30 \(scripts\/teams\/schema\/MicrosoftTeams\.Localization\.schema\.1\.30\.json\)/);
        assert.match(run.stderr, /\n {2}- es\.json \(es\): description\.short: must be at most 80 characters \(it has 81\)\n/);
        assert.deepEqual(readdirSync(out), []);
    });

    for (const [what, manifest, field] of [
        ['lacks a required field', template.replace(/\n\s*"privacyUrl": "[^"]*",/, ''), 'developer.privacyUrl: is missing'],
        ['holds a bot id that is not a GUID', template.replace('${{BOT_ID}}', 'my-bot'), 'bots[0].botId: must be a GUID like 00000000-0000-0000-0000-000000000000 (got "my-bot")'],
    ] as const) {
        it(`exits 1 naming the manifest file, the schema and the field when the manifest ${what}`, () => {
            assert.notEqual(manifest, template);
            const dir = appPackageWith(manifest);
            const run = runScript({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.contoso.example', TEAMS_PACKAGE_OUT: out, TEAMS_APP_PACKAGE_DIR: dir });
            assert.equal(run.status, 1);
            const manifestFile = escaped(path.join(dir, 'manifest.json'));
            assert.match(run.stderr, new RegExp(`^Teams package not built: ${manifestFile} is not valid; checked against Microsoft's Teams manifest schema 1\\.30 \\(scripts/teams/schema/MicrosoftTeams\\.schema\\.1\\.30\\.json\\)`));
            assert.match(run.stderr, new RegExp(`\n  - ${escaped(field)}\n`));
            assert.deepEqual(readdirSync(out), []);
        });
    }
});
