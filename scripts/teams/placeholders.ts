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

/** Names every `${{NAME}}` placeholder left in a string of a parsed manifest, with its path. */
export function leftoverPlaceholders(value: unknown, at = '', out: string[] = []): string[] {
    if (typeof value === 'string') for (const match of value.matchAll(PLACEHOLDER)) out.push(`${at || '(root)'}: placeholder \${{${match[1]}}} was not filled in`);
    else if (Array.isArray(value)) value.forEach((item, i) => leftoverPlaceholders(item, `${at}[${i}]`, out));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) leftoverPlaceholders(item, at ? `${at}.${key}` : key, out);
    return out;
}
