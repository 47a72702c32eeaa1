import type { ErrorObject } from 'ajv';

type Explain = (error: ErrorObject) => string;

/** A value as the messages quote it: strings as "text", anything else as JSON. */
const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? 'nothing');
const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : 0);
const limit = (error: ErrorObject): number => Number(error.params.limit);

const httpsUrl: Explain = (e) => `must be an https:// URL (got ${shown(e.data)})`;

/**
 * Messages for the keyword of a named definition, keyed `<definition>/<keyword>`: the
 * definitions of Microsoft's schema (guid, hexColor, ...) and of the house rules.
 */
function definitionMessages(manifestVersion: string): Record<string, Explain> {
    return {
        'guid/pattern': (e) => `must be a GUID like 00000000-0000-0000-0000-000000000000 (got ${shown(e.data)})`,
        'hexColor/pattern': (e) => `must be a colour like #0F6CBD (got ${shown(e.data)})`,
        'semver/pattern': (e) => `must be a semantic version like 1.0.0 (got ${shown(e.data)})`,
        'anyHttpUrl/pattern': (e) => `must be an http:// or https:// URL (got ${shown(e.data)})`,
        'secureHttpUrl/pattern': httpsUrl,
        'httpsUrl/pattern': httpsUrl,
        'httpsUrl/format': httpsUrl,
        'rootPng/pattern': () => 'must be a .png file name at the package root',
        'scopeList/minItems': () => 'must list at least one scope',
        'commandMenu/maxItems': (e) => `may hold at most ${limit(e)} commands (it has ${length(e.data)})`,
        'schemeless/not': (e) => {
            const value = String(e.data);
            const host = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
            return `must be a host name without a scheme (got "${value}"; use "${host}")`;
        },
        'hostName/pattern': (e) => `must be a host name like bot.contoso.example, without path or port (got ${shown(e.data)})`,
        'schemaUrl/pattern': (e) => `must be https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json, the schema of manifestVersion ${manifestVersion} (got ${shown(e.data)})`,
    };
}

/** Messages by keyword, for errors no definition message covers. */
const KEYWORD_MESSAGES: Record<string, Explain> = {
    required: () => 'is missing',
    additionalProperties: () => 'is not a property the manifest schema knows (misspelt, or from another schema version?)',
    type: (e) => `must be of type ${String(e.params.type)} (got ${shown(e.data)})`,
    maxLength: (e) => `must be at most ${limit(e)} characters (it has ${length(e.data)})`,
    minLength: (e) => (limit(e) === 1 ? 'must not be empty' : `must be at least ${limit(e)} characters (it has ${length(e.data)})`),
    maxItems: (e) => `may hold at most ${limit(e)} (it has ${length(e.data)})`,
    minItems: (e) => `must hold at least ${limit(e)} (it has ${length(e.data)})`,
    const: (e) => `must be ${shown(e.params.allowedValue)} (got ${shown(e.data)})`,
    enum: (e) => `must be one of ${(e.params.allowedValues as unknown[]).map(shown).join(', ')} (got ${shown(e.data)})`,
    pattern: (e) => `must match ${String(e.params.pattern)} (got ${shown(e.data)})`,
    format: (e) => `must be a valid ${String(e.params.format)} (got ${shown(e.data)})`,
};

/** `/bots/0/botId` → `bots[0].botId`, with the property a `required` or `additionalProperties` error names. */
function fieldOf(error: ErrorObject): string {
    const named = error.params.missingProperty ?? error.params.additionalProperty;
    const pointer = typeof named === 'string' ? `${error.instancePath}/${named}` : error.instancePath;
    const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    return keys.reduce((acc, key) => (/^\d+$/.test(key) ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '') || '(root)';
}

/**
 * Turns Ajv errors (run with `verbose`, so they carry the offending value) into lines
 * `<field>: <what is wrong>`, one per field: the first error found for a field wins.
 */
export function describeErrors(errors: readonly ErrorObject[], manifestVersion: string): string[] {
    const byDefinition = definitionMessages(manifestVersion);
    const lines = new Map<string, string>();
    for (const error of errors) {
        const field = fieldOf(error);
        if (lines.has(field)) continue;
        const definition = /^#\/definitions\/([^/]+)\/([^/]+)$/.exec(error.schemaPath);
        const explain = (definition && byDefinition[`${definition[1]}/${definition[2]}`]) ?? KEYWORD_MESSAGES[error.keyword];
        lines.set(field, `${field}: ${explain ? explain(error) : error.message ?? error.keyword}`);
    }
    return [...lines.values()];
}
