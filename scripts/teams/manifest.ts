import { z } from 'zod';
import { GUID_PATTERN } from './ids';
import { decodePng, PngError, readPngHeader } from './png';

/** Thrown by {@link fillManifest} when placeholders have no value; `missing` names them. */
export class ManifestPlaceholderError extends Error {
    override name = 'ManifestPlaceholderError';
    constructor(readonly missing: string[]) {
        super(`manifest placeholders without a value: ${missing.join(', ')}`);
    }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces the Teams Toolkit style `${{NAME}}` placeholders of a manifest template with
 * `values` (JSON-escaped, since they land inside JSON strings). Throws
 * {@link ManifestPlaceholderError} listing every placeholder with no value or an empty one.
 */
export function fillManifest(template: string, values: Record<string, string>): string {
    const missing = new Set<string>();
    const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
        const value = Object.hasOwn(values, name) ? values[name] : undefined;
        if (value === undefined || value === '') {
            missing.add(name);
            return whole;
        }
        return JSON.stringify(value).slice(1, -1);
    });
    if (missing.size > 0) throw new ManifestPlaceholderError([...missing].sort());
    return filled;
}

/** Oldest manifest schema accepted: 1.19 (1.18 was never published). */
const MIN_MANIFEST_MINOR = 19;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** A host name, optionally with a leading `*.` wildcard label. */
const DOMAIN = /^(\*\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}$/;

const text = (max: number) =>
    z.string({ error: 'is missing or not a string' }).min(1, 'must not be empty').max(max, { error: (issue) => `must be at most ${max} characters (it has ${String(issue.input).length})` });
const guid = z.string({ error: 'is missing or not a string' }).regex(GUID_PATTERN, { error: (issue) => `must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${String(issue.input)}")` });
const httpsUrl = z.string({ error: 'is missing or not a string' }).max(2048).refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
    error: (issue) => `must be an https:// URL (got "${String(issue.input)}")`,
});
const iconPath = z.string().regex(/^[^/\\:]+\.png$/i, 'must be a .png file name at the package root');
const scope = z.enum(['personal', 'team', 'groupChat', 'copilot'], { error: 'must be one of personal, team, groupChat, copilot' });
const domain = z.string().refine((value) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(value), {
    error: (issue) => `must be a host name without a scheme (got "${String(issue.input)}"; use "${String(issue.input).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '')}")`,
}).refine((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || DOMAIN.test(value), { error: (issue) => `must be a host name like bot.contoso.example, without path or port (got "${String(issue.input)}")` });

/** The parts of a Teams app manifest (schema 1.19 or later) that this package relies on. */
const ManifestSchema = z.looseObject({
    $schema: z.string().optional(),
    manifestVersion: z.string({ error: 'is missing' }).refine((v) => /^1\.\d+$/.test(v) && Number(v.split('.')[1]) >= MIN_MANIFEST_MINOR, {
        error: (issue) => `must be a manifest schema version 1.${MIN_MANIFEST_MINOR} or later (got "${String(issue.input)}")`,
    }),
    version: z.string({ error: 'is missing' }).max(256).regex(SEMVER, { error: (issue) => `must be a semantic version like 1.0.0 (got "${String(issue.input)}")` }),
    id: guid,
    developer: z.looseObject({ name: text(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
    name: z.looseObject({ short: text(30), full: text(100).optional() }),
    description: z.looseObject({ short: text(80), full: text(4000) }),
    icons: z.looseObject({ color: iconPath, outline: iconPath }),
    accentColor: z.string({ error: 'is missing' }).regex(/^#[0-9a-fA-F]{6}$/, { error: (issue) => `must be a colour like #0F6CBD (got "${String(issue.input)}")` }),
    bots: z.array(z.looseObject({
        botId: guid,
        scopes: z.array(scope).min(1, 'must list at least one scope').max(3, 'may list at most 3 scopes'),
        commandLists: z.array(z.looseObject({
            scopes: z.array(scope).min(1, 'must list at least one scope'),
            // A refinement with `when` so that problems inside the commands are reported too.
            commands: z.array(z.looseObject({ title: text(32), description: text(128) })).refine((list) => list.length <= 10, {
                error: (issue) => `may hold at most 10 commands (it has ${(issue.input as unknown[]).length})`,
                when: () => true,
            }),
        })).max(3, 'may hold at most 3 command lists').optional(),
    })).max(1, 'Teams allows one bot per app').optional(),
    validDomains: z.array(domain).max(16, 'may list at most 16 domains').optional(),
});

/** The manifest fields read after validation (the package script names the zip entries from them). */
export type TeamsManifest = z.infer<typeof ManifestSchema>;

/** Finds `${{NAME}}` placeholders left in any string of a parsed manifest. */
function leftoverPlaceholders(value: unknown, at: string, out: string[]): string[] {
    if (typeof value === 'string') for (const match of value.matchAll(PLACEHOLDER)) out.push(`${at || '(root)'}: placeholder \${{${match[1]}}} was not filled in`);
    else if (Array.isArray(value)) value.forEach((item, i) => leftoverPlaceholders(item, `${at}[${i}]`, out));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) leftoverPlaceholders(item, at ? `${at}.${key}` : key, out);
    return out;
}

function pathOf(path: PropertyKey[]): string {
    return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';
}

/** Checks a PNG's IHDR size, returning a problem or null. */
function sizeProblem(label: string, png: Buffer, size: number): string | null {
    try {
        const { width, height } = readPngHeader(png);
        return width === size && height === size ? null : `${label}: must be ${size}×${size} pixels (it is ${width}×${height})`;
    } catch (err) {
        return `${label}: ${(err as Error).message}`;
    }
}

/**
 * Checks that every pixel of the outline icon is white (#FFFFFF) or fully transparent, and
 * that the background is transparent: some pixel on the image's edge is fully transparent.
 */
function outlineProblems(png: Buffer): string[] {
    let image;
    try {
        image = decodePng(png);
    } catch (err) {
        return [`icons.outline: ${err instanceof PngError ? err.message : `cannot be decoded (${(err as Error).message})`}`];
    }
    const { width, height, rgba } = image;
    let coloured = 0, first = '', transparentEdge = false;
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            const alpha = rgba[i + 3]!;
            if (alpha === 0) {
                if (x === 0 || y === 0 || x === width - 1 || y === height - 1) transparentEdge = true;
            } else if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) {
                if (coloured++ === 0) first = `#${[rgba[i], rgba[i + 1], rgba[i + 2]].map((c) => c!.toString(16).padStart(2, '0')).join('').toUpperCase()} at (${x}, ${y})`;
            }
        }
    }
    const problems: string[] = [];
    if (coloured > 0) problems.push(`icons.outline: must hold only white (#FFFFFF) or fully transparent pixels; ${coloured} pixel(s) are coloured, the first ${first}`);
    if (!transparentEdge) problems.push('icons.outline: must have a transparent background (no pixel on its edge is fully transparent)');
    return problems;
}

/**
 * Validates a filled Teams app manifest and its icons: ids and bot ids are GUIDs, version is
 * semver, name/description/command lengths and counts, https developer URLs, #RRGGBB accent,
 * host-only valid domains, no leftover placeholders; the colour icon is 192×192 and the
 * outline icon 32×32, white on transparent. Returns human-readable problems (empty = valid).
 */
export function validateManifest(manifest: unknown, icons: { color: Buffer; outline: Buffer }): string[] {
    const problems = leftoverPlaceholders(manifest, '', []);
    const parsed = ManifestSchema.safeParse(manifest);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${pathOf(issue.path)}: ${issue.message}`);
    else {
        const { $schema, manifestVersion } = parsed.data;
        if ($schema && !$schema.includes(`/v${manifestVersion}/`)) problems.push(`$schema: points at another version than manifestVersion ${manifestVersion} ("${$schema}")`);
    }
    const color = sizeProblem('icons.color', icons.color, 192);
    if (color) problems.push(color);
    const outline = sizeProblem('icons.outline', icons.outline, 32);
    problems.push(...(outline ? [outline] : outlineProblems(icons.outline)));
    return problems;
}
