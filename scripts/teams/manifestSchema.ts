import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { houseRules } from './houseRules';
import { describeErrors } from './schemaMessages';

/** Microsoft's Teams app manifest schema, vendored (see schema/README.md). */
export const MANIFEST_SCHEMA_FILE = path.join(__dirname, 'schema', 'MicrosoftTeams.schema.1.30.json');

/** What this module relies on in the vendored file: a draft-04 schema that pins manifestVersion. */
const VendoredSchema = z.looseObject({
    $schema: z.literal('http://json-schema.org/draft-04/schema#'),
    properties: z.looseObject({ manifestVersion: z.looseObject({ const: z.string().regex(/^1\.\d+$/) }) }),
});

interface Validators {
    manifestVersion: string;
    official: ValidateFunction;
    house: ValidateFunction;
}

let compiled: Validators | undefined;

/** Reads and compiles the schemas once per process (compiling the large schema takes a moment). */
function validators(): Validators {
    if (compiled) return compiled;
    const parsed = VendoredSchema.safeParse(JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8')));
    if (!parsed.success) throw new Error(`manifestSchema: ${MANIFEST_SCHEMA_FILE} is not a draft-04 Teams manifest schema: ${parsed.error.message}`);
    // Microsoft's schema is not written for Ajv's strict mode (keywords without their type,
    // `required` names not under `properties`); it is valid draft-04 all the same.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    addFormats(ajv);
    const manifestVersion = parsed.data.properties.manifestVersion.const;
    compiled = { manifestVersion, official: ajv.compile(parsed.data), house: ajv.compile(houseRules(manifestVersion)) };
    return compiled;
}

/** The manifest version the vendored schema describes, e.g. "1.30". */
export function manifestSchemaVersion(): string {
    return validators().manifestVersion;
}

/**
 * Checks a manifest against Microsoft's schema and the house rules; returns one line
 * `<field>: <what is wrong>` per faulty field (empty = valid). Where both find fault with a
 * field the house rule speaks, being the stricter (10 commands rather than 12, https only).
 */
export function schemaProblems(manifest: unknown): string[] {
    const { manifestVersion, official, house } = validators();
    official(manifest);
    house(manifest);
    return describeErrors([...(house.errors ?? []), ...(official.errors ?? [])], manifestVersion);
}
