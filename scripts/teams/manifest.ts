import { iconProblems } from './iconProblems';
import { schemaProblems } from './manifestSchema';
import { leftoverPlaceholders } from './placeholders';

/** The manifest fields the package script reads once {@link validateManifest} found no problem. */
export interface TeamsManifest {
    manifestVersion: string;
    version: string;
    id: string;
    developer: { name: string };
    name: { short: string };
    icons: { color: string; outline: string };
}

/**
 * Validates a filled Teams app manifest and its icons: no placeholder left, Microsoft's
 * manifest schema (vendored, see schema/README.md) and the house rules (houseRules.ts); the
 * colour icon is 192×192 and the outline icon 32×32, white on transparent. Returns one
 * human-readable line per problem, naming the field (empty = valid).
 */
export function validateManifest(manifest: unknown, icons: { color: Buffer; outline: Buffer }): string[] {
    return [...leftoverPlaceholders(manifest), ...schemaProblems(manifest), ...iconProblems(icons)];
}
