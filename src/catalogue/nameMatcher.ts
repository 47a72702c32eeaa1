import { normalizeForModel } from '../understanding/model/modelText';
import { wordPattern } from '../understanding/normalize';

/** Word tokens of a name or a text, the way both are compared (case, accents and punctuation ignored). */
export function nameTokens(text: string): string[] {
    return normalizeForModel(text).split(/[\s.'-]+/).filter(Boolean);
}

/** A name found in a text: what it names and the text's words it covers. */
export interface Mention<T> {
    value: T;
    words: string[];
}

interface Entry<T> {
    tokens: string[];
    value: T;
}

/**
 * Finds names in text: whole words, longest name first at each position, never overlapping.
 * A word scan over a map keyed by each name's first token, so the cost grows with the text,
 * not with the number of names.
 */
export class NameMatcher<T> {
    private readonly byFirst = new Map<string, Array<Entry<T>>>();
    private readonly exact: RegExp | undefined;
    private readonly exactValues = new Map<string, T>();

    /** `names`: matched case-insensitively; `exactNames`: matched only as written. Throws on a name given twice. */
    constructor(names: ReadonlyArray<[string, T]>, exactNames: ReadonlyArray<[string, T]> = []) {
        const seen = new Map<string, T>();
        for (const [name, value] of names) {
            const tokens = nameTokens(name);
            const key = tokens.join(' ');
            if (tokens.length === 0) throw new Error(`NameMatcher: name "${name}" has no words`);
            if (seen.has(key) && seen.get(key) !== value) throw new Error(`NameMatcher: name "${name}" is given to two services`);
            seen.set(key, value);
            const list = this.byFirst.get(tokens[0] as string) ?? [];
            list.push({ tokens, value });
            this.byFirst.set(tokens[0] as string, list);
        }
        for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
        for (const [name, value] of exactNames) this.exactValues.set(name, value);
        const escaped = [...this.exactValues.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        this.exact = escaped.length > 0 ? wordPattern(new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gu')) : undefined;
    }

    /** The values of the names found, in the order they appear (a value once). */
    find(text: string): T[] {
        return [...new Set(this.mentions(text).map((m) => m.value))];
    }

    /** Every name found, in the order it appears, with the words of the text it covers. */
    mentions(text: string): Array<Mention<T>> {
        const found: Array<Mention<T>> = [];
        const words = nameTokens(text);
        for (let i = 0; i < words.length; ) {
            const hit = this.byFirst.get(words[i] as string)?.find((e) => e.tokens.every((t, k) => words[i + k] === t));
            if (hit) found.push({ value: hit.value, words: words.slice(i, i + hit.tokens.length) });
            i += hit ? hit.tokens.length : 1;
        }
        if (this.exact) for (const m of text.matchAll(this.exact)) found.push({ value: this.exactValues.get(m[0]) as T, words: nameTokens(m[0]) });
        return found;
    }
}
