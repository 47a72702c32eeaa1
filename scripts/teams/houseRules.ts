import type { JSONSchema4 } from 'json-schema';

const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$';
/** A host name, optionally with a leading `*.` wildcard label. */
const DOMAIN = '^(\\*\\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,62}$';
const SCHEME = '^[A-Za-z][A-Za-z0-9+.-]*://';

const ref = (name: string): JSONSchema4 => ({ $ref: `#/definitions/${name}` });

/**
 * Rules this project holds a manifest to beyond Microsoft's schema, written as a JSON schema
 * (draft-04) so that the same validator and messages serve both. Each rule says why:
 * - `version` semver and https developer URLs: Teams' app validation and store policy ask
 *   for them, the schema only says "string" and "http(s)";
 * - non-empty names, descriptions and command texts: the schema allows "";
 * - icons as `.png` names at the package root: the package script zips them under that name;
 * - at least one scope per bot and command list: an empty list installs nowhere;
 * - a command menu of at most 10 commands, titles of 32 and descriptions of 128 characters:
 *   what Teams' command menu shows (the schema allows 12 / 128 / 4000 for Copilot prompts);
 * - valid domains as host names without scheme, path or port (the schema only caps length);
 * - `$schema` pointing at the schema version that is checked.
 * Object and type checks are left to Microsoft's schema, so a wrong type is reported once.
 */
export function houseRules(manifestVersion: string): JSONSchema4 {
    return {
        definitions: {
            nonEmpty: { minLength: 1 },
            semver: { maxLength: 256, pattern: SEMVER },
            httpsUrl: { format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]://' },
            rootPng: { pattern: '^[^/\\\\:]+\\.[Pp][Nn][Gg]$' },
            scopeList: { minItems: 1 },
            commandMenu: {
                maxItems: 10,
                items: { properties: { title: { minLength: 1, maxLength: 32 }, description: { minLength: 1, maxLength: 128 } } },
            },
            schemeless: { not: { pattern: SCHEME } },
            hostName: { pattern: DOMAIN },
            schemaUrl: { pattern: `/v${manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$` },
        },
        properties: {
            $schema: ref('schemaUrl'),
            version: ref('semver'),
            developer: { properties: { name: ref('nonEmpty'), websiteUrl: ref('httpsUrl'), privacyUrl: ref('httpsUrl'), termsOfUseUrl: ref('httpsUrl') } },
            name: { properties: { short: ref('nonEmpty'), full: ref('nonEmpty') } },
            description: { properties: { short: ref('nonEmpty'), full: ref('nonEmpty') } },
            icons: { properties: { color: ref('rootPng'), outline: ref('rootPng') } },
            bots: {
                items: {
                    properties: {
                        scopes: ref('scopeList'),
                        commandLists: { items: { properties: { scopes: ref('scopeList'), commands: ref('commandMenu') } } },
                    },
                },
            },
            validDomains: { items: { allOf: [ref('schemeless'), ref('hostName')] } },
        },
    };
}
