/**
 * Builds the Teams app package: fills appPackage/manifest.json and its language files
 * (es.json, pt-BR.json, ru.json) from the environment, validates them against Microsoft's
 * manifest and localization schemas (scripts/teams/schema/) and the house rules, checks the
 * icons, and writes dist/teams/<name>-teams-app.zip.
 *
 * Usage: node --import tsx scripts/teamsPackage.ts          (build the package)
 *        node --import tsx scripts/teamsPackage.ts --icons  (redraw appPackage/*.png)
 *
 * Environment (a .env file is read first when present; real variables win):
 *   MicrosoftAppId    required, the Azure Bot's app id (GUID); becomes the manifest's botId
 *   BOT_DOMAIN        required, the bot's public host name, e.g. bot.contoso.example
 *   TEAMS_APP_ID      optional GUID; default derived from MicrosoftAppId (stable UUID v5)
 *   PARTNER_NAME, PARTNER_WEBSITE   optional; default from config/partner.example.json
 *   TEAMS_PACKAGE_OUT       optional output folder (default dist/teams)
 *   TEAMS_PACKAGE_ENV_FILE  optional env file to read instead of .env
 *   TEAMS_APP_PACKAGE_DIR   optional folder holding manifest.json and the icons (default appPackage)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { colorIcon, outlineIcon } from './teams/icons';
import { isGuid, teamsAppIdFor } from './teams/ids';
import { languageFiles, LOCALIZATION_SCHEMA_FILE } from './teams/localization';
import { validateManifest, type TeamsManifest } from './teams/manifest';
import { MANIFEST_SCHEMA_FILE, manifestSchemaVersion } from './teams/manifestSchema';
import { fillManifest, ManifestPlaceholderError } from './teams/placeholders';
import { createZip } from './teams/zip';

const HOST_NAME = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

/** Settings read from the environment, or the problems that stop the build. */
function readSettings(env: NodeJS.ProcessEnv, root: string): { values: Record<string, string> } | { problems: string[] } {
    const problems: string[] = [];
    const appId = env.MicrosoftAppId?.trim() ?? '';
    if (!appId) problems.push('MicrosoftAppId is not set: set it to the Azure Bot registration\'s Microsoft App ID (a GUID) in .env or the environment');
    else if (!isGuid(appId)) problems.push(`MicrosoftAppId "${appId}" is not a GUID (expected 8-4-4-4-12 hex digits)`);
    const teamsAppId = env.TEAMS_APP_ID?.trim() || (isGuid(appId) ? teamsAppIdFor(appId) : '');
    if (env.TEAMS_APP_ID?.trim() && !isGuid(teamsAppId)) problems.push(`TEAMS_APP_ID "${teamsAppId}" is not a GUID`);
    const domain = env.BOT_DOMAIN?.trim() ?? '';
    if (!domain) problems.push('BOT_DOMAIN is not set: set it to the bot\'s public host name, e.g. bot.contoso.example (no https://, no path)');
    else if (!HOST_NAME.test(domain)) problems.push(`BOT_DOMAIN "${domain}" is not a host name: use e.g. bot.contoso.example, without https://, path or port`);
    const partner = JSON.parse(readFileSync(path.join(root, 'config/partner.example.json'), 'utf8')) as { name?: string; website?: string };
    const values = {
        TEAMS_APP_ID: teamsAppId,
        BOT_ID: appId,
        // The desk tab's single sign-on (webApplicationInfo): its own Entra app, or the bot's.
        DESK_CLIENT_ID: env.DESK_CLIENT_ID?.trim() || appId,
        BOT_DOMAIN: domain,
        PARTNER_NAME: env.PARTNER_NAME?.trim() || (partner.name ?? ''),
        PARTNER_WEBSITE: (env.PARTNER_WEBSITE?.trim() || (partner.website ?? '')).replace(/\/+$/, ''),
    };
    return problems.length > 0 ? { problems } : { values };
}

/** A path as the messages show it: relative to the project when inside it. */
function shown(root: string, file: string): string {
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Builds the package; returns the process exit code. */
function main(argv: string[], env: NodeJS.ProcessEnv): number {
    const root = projectRoot();
    const envFile = path.resolve(root, env.TEAMS_PACKAGE_ENV_FILE || '.env');
    if (existsSync(envFile)) process.loadEnvFile(envFile);
    const appPackage = path.resolve(root, env.TEAMS_APP_PACKAGE_DIR || 'appPackage');
    if (argv.includes('--icons')) {
        writeFileSync(path.join(appPackage, 'color.png'), colorIcon());
        writeFileSync(path.join(appPackage, 'outline.png'), outlineIcon());
        process.stdout.write(`Wrote ${path.join(appPackage, 'color.png')} and outline.png\n`);
        return 0;
    }

    const settings = readSettings(env, root);
    if ('problems' in settings) return fail(settings.problems);
    const manifestFile = path.join(appPackage, 'manifest.json');
    let filled: string, raw: unknown;
    try {
        filled = fillManifest(readFileSync(manifestFile, 'utf8'), settings.values);
        raw = JSON.parse(filled);
    } catch (err) {
        return fail([err instanceof ManifestPlaceholderError ? `${err.message} (set them in .env or the environment)` : `${shown(root, manifestFile)}: ${(err as Error).message}`]);
    }
    const iconFile = (name: unknown): Buffer => {
        const file = path.join(appPackage, typeof name === 'string' ? path.basename(name) : '');
        return typeof name === 'string' && existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    };
    const names = (raw as { icons?: { color?: unknown; outline?: unknown } } | null)?.icons;
    const icons = { color: iconFile(names?.color), outline: iconFile(names?.outline) };
    const problems = validateManifest(raw, icons);
    if (problems.length > 0) {
        const schema = `Microsoft's Teams manifest schema ${manifestSchemaVersion()} (${shown(root, MANIFEST_SCHEMA_FILE)})`;
        return fail(problems, `${shown(root, manifestFile)} is not valid; checked against ${schema}, the house rules and the icons`);
    }
    const manifest = raw as TeamsManifest; // validateManifest() found it matches the schema
    const languages = languageFiles(raw, manifest.manifestVersion, appPackage, settings.values);
    if (languages.problems.length > 0) {
        return fail(languages.problems, `the language files are not valid; checked against Microsoft's Teams localization schema ${manifest.manifestVersion} (${shown(root, LOCALIZATION_SCHEMA_FILE)})`);
    }

    const packageName = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string }).name;
    const outDir = path.resolve(root, env.TEAMS_PACKAGE_OUT || 'dist/teams');
    const zipFile = path.join(outDir, `${packageName}-teams-app.zip`);
    const zip = createZip([
        { name: 'manifest.json', data: Buffer.from(filled, 'utf8') },
        { name: manifest.icons.color, data: icons.color },
        { name: manifest.icons.outline, data: icons.outline },
        ...languages.files.map(({ name, data }) => ({ name, data })),
    ]);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(zipFile, zip);
    process.stdout.write(`${zipFile}\n`);
    process.stdout.write(`"${manifest.name.short}" ${manifest.version} (manifest ${manifest.manifestVersion}): app id ${manifest.id}, bot id ${settings.values.BOT_ID}, domain ${settings.values.BOT_DOMAIN}, developer ${manifest.developer.name}; languages ${['default', ...languages.files.map((f) => f.languageTag)].join(', ')}; ${zip.length} bytes\n`);
    return 0;
}

function fail(problems: string[], what?: string): number {
    process.stderr.write(`Teams package not built${what ? `: ${what}` : ''}:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
    return 1;
}

process.exitCode = main(process.argv.slice(2), process.env);
