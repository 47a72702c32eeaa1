import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { fillManifest, ManifestPlaceholderError } from './placeholders';
import { describeErrors } from './schemaMessages';

/** Microsoft's schema for a Teams app's language files, vendored beside the manifest schema (see schema/README.md). */
export const LOCALIZATION_SCHEMA_FILE = path.join(__dirname, 'schema', 'MicrosoftTeams.Localization.schema.1.30.json');

/** What this module reads of a manifest that Microsoft's schema has accepted. */
const Localized = z.looseObject({
    localizationInfo: z.looseObject({ additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })).optional() }).optional(),
    bots: z.array(z.looseObject({ commandLists: z.array(z.looseObject({ commands: z.array(z.unknown()) })).optional() })).optional(),
});

/** A language file as it goes into the package. */
export interface LanguageFile {
    languageTag: string;
    name: string;
    data: Buffer;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
    // Like the manifest schema, it is valid draft-04 but not written for Ajv's strict mode; and a
    // few of its key patterns (`…\b]\.description$`) are ECMA-262 regular expressions only without
    // the `u` flag Ajv adds by default.
    compiled ??= addFormats(new Ajv({ allErrors: true, verbose: true, strict: false, unicodeRegExp: false })).compile(JSON.parse(readFileSync(LOCALIZATION_SCHEMA_FILE, 'utf8')) as object);
    return compiled;
}

/**
 * The keys every language file must translate, so that no language shows half its texts in
 * English: the names, the descriptions, and each command's title and description.
 */
function requiredKeys(manifest: z.infer<typeof Localized>): string[] {
    const commands = (manifest.bots ?? []).flatMap((bot, b) =>
        (bot.commandLists ?? []).flatMap((list, l) => list.commands.flatMap((_, c) => ['title', 'description'].map((field) => `bots[${b}].commandLists[${l}].commands[${c}].${field}`))),
    );
    return ['name.short', 'name.full', 'description.short', 'description.full', ...commands];
}

/**
 * Reads, fills and checks the language files a manifest lists in `localizationInfo`: each must
 * be a plain file name in the app package folder, have no placeholder left, pass Microsoft's
 * localization schema, point `$schema` at that schema for the manifest's version, and
 * translate every required key. Returns the files for the package, or one line per problem,
 * `<file>: <field>: <what is wrong>`.
 */
export function languageFiles(manifest: unknown, manifestVersion: string, appPackage: string, values: Record<string, string>): { files: LanguageFile[]; problems: string[] } {
    const parsed = Localized.parse(manifest);
    const files: LanguageFile[] = [];
    const problems: string[] = [];
    const schemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`;
    for (const { languageTag, file } of parsed.localizationInfo?.additionalLanguages ?? []) {
        const at = (line: string): number => problems.push(`${file} (${languageTag}): ${line}`);
        if (!/^[^/\\:]+\.json$/.test(file)) {
            at('must be a .json file name at the package root');
            continue;
        }
        let filled: string, strings: unknown;
        try {
            filled = fillManifest(readFileSync(path.join(appPackage, file), 'utf8'), values);
            strings = JSON.parse(filled);
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            at(code === 'ENOENT' ? `is listed in localizationInfo but missing from ${appPackage}` : err instanceof ManifestPlaceholderError ? err.message : (err as Error).message);
            continue;
        }
        const validate = validator();
        if (!validate(strings)) for (const line of describeErrors(validate.errors ?? [], manifestVersion)) at(line);
        const given = strings && typeof strings === 'object' ? (strings as Record<string, unknown>) : {};
        if (given.$schema !== schemaUrl) at(`$schema: must be ${schemaUrl}, the localization schema of manifestVersion ${manifestVersion}`);
        for (const key of requiredKeys(parsed)) if (typeof given[key] !== 'string' || given[key] === '') at(`${key}: is missing (every language translates it)`);
        files.push({ languageTag, name: file, data: Buffer.from(filled, 'utf8') });
    }
    return { files, problems };
}
