import assert from 'node:assert/strict';
import { validateManifest } from '../../scripts/teams/manifest';
import { fillManifest, ManifestPlaceholderError } from '../../scripts/teams/placeholders';
import { decodePng, encodePng } from '../../scripts/teams/png';
import { icons, SAMPLE, sample, template, type Manifest } from './appPackageFixture';

/** The outline icon with pixel (x, y) replaced by an RGBA value. */
function outlineWith(x: number, y: number, pixel: number[]): Buffer {
    const image = decodePng(icons.outline);
    image.rgba.set(pixel, (y * image.width + x) * 4);
    return encodePng(image);
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

    it('has the desk as a personal tab, a team tab, and its single sign-on app', () => {
        const manifest = sample() as unknown as { staticTabs: Array<{ contentUrl: string; scopes: string[] }>; configurableTabs: Array<{ configurationUrl: string; scopes: string[] }>; webApplicationInfo: { id: string; resource: string } };
        assert.deepEqual(manifest.staticTabs.map((t) => [t.contentUrl, t.scopes]), [['https://bot.contoso.example/desk', ['personal']]]);
        assert.deepEqual(manifest.configurableTabs.map((t) => [t.configurationUrl, t.scopes]), [['https://bot.contoso.example/desk/config', ['team']]]);
        assert.deepEqual(manifest.webApplicationInfo, { id: SAMPLE.DESK_CLIENT_ID, resource: `api://bot.contoso.example/${SAMPLE.DESK_CLIENT_ID}` });
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

    it('checks the manifest against Microsoft\'s schema 1.30: required fields, unknown properties, the version', () => {
        const manifest = sample() as Manifest & Record<string, unknown>;
        delete (manifest.developer as Partial<Manifest['developer']>).privacyUrl;
        manifest.botz = [];
        manifest.manifestVersion = '1.22';
        assert.deepEqual(validateManifest(manifest, icons), [
            'botz: is not a property the manifest schema knows (misspelt, or from another schema version?)',
            'manifestVersion: must be "1.30" (got "1.22")',
            'developer.privacyUrl: is missing',
        ]);
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
});
