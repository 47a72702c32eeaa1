/** How deep and how large a JSON request body may be. */
export interface JsonBounds {
    /** Arrays and objects inside each other. */
    maxDepth: number;
    /** Values in arrays and objects, counted over the whole body. */
    maxEntries: number;
}

/**
 * Bounds for every JSON body the server reads. Activities from the channels nest about ten
 * levels (an Adaptive Card in an attachment, Teams channel data) and hold hundreds of values.
 */
export const JSON_BOUNDS: JsonBounds = { maxDepth: 32, maxEntries: 10_000 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/**
 * Why `text` exceeds the bounds, or undefined. A linear scan outside string literals that
 * neither parses nor recurses, so that it is safe on any input; text that is not JSON passes
 * (the route's parser refuses it). Entries are counted as containers plus commas, an upper
 * bound of the values they hold.
 */
export function jsonBoundsViolation(text: string, bounds: JsonBounds = JSON_BOUNDS): string | undefined {
    let depth = 0;
    let entries = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === BACKSLASH) i++;
            else if (c === QUOTE) inString = false;
            continue;
        }
        if (c === QUOTE) inString = true;
        else if (CLOSE.has(c)) depth--;
        else if (OPEN.has(c) || c === COMMA) {
            if (OPEN.has(c) && ++depth > bounds.maxDepth) return `JSON nested too deeply (more than ${bounds.maxDepth} levels)`;
            if (++entries > bounds.maxEntries) return `too many JSON values (more than ${bounds.maxEntries})`;
        }
    }
    return undefined;
}
