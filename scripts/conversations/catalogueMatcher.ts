import { CATALOGUES } from '../../src/i18n/i18n';
import { LANGUAGES, type Language } from '../../src/policy/types';

/** One catalogue text, compiled to find it (parameters filled in) inside what the bot sent. */
interface Template {
    key: string;
    language: Language;
    pattern: RegExp;
    /** Characters of fixed text: how much a match says about the language. */
    literal: number;
    /** The same text stands in another language's catalogue (a product name, "2"). */
    shared: boolean;
}

/** Fixed text shorter than this says nothing about the language ("{{day}}: {{hours}}"). */
const MIN_LITERAL_FOR_LANGUAGE = 8;
const PARAMETER = /\{\{\s*[\w.]+\s*\}\}/g;

function flatten(node: unknown, prefix: string, out: Array<[string, string]>): void {
    if (typeof node === 'string') out.push([prefix, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

function compile(text: string): RegExp {
    const escaped = text.split(PARAMETER).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(escaped.join('[\\s\\S]*?'), 'u');
}

/**
 * The customer-facing catalogues of every language as patterns (`{{param}}` → anything), so
 * the runner can tell which catalogue text a bot message is, and in which language, without
 * depending on how the bot words it today.
 */
export class CatalogueMatcher {
    private readonly templates: Template[];

    constructor(catalogues: Readonly<Record<Language, object>> = CATALOGUES) {
        const texts = LANGUAGES.map((language) => {
            const entries: Array<[string, string]> = [];
            flatten(catalogues[language], '', entries);
            return { language, entries };
        });
        const owners = new Map<string, Set<Language>>();
        for (const { language, entries } of texts) for (const [, text] of entries) owners.set(text, (owners.get(text) ?? new Set()).add(language));
        this.templates = texts.flatMap(({ language, entries }) =>
            entries.map(([key, text]) => ({ key, language, pattern: compile(text), literal: text.replace(PARAMETER, '').trim().length, shared: (owners.get(text)?.size ?? 0) > 1 })),
        );
    }

    /** True when the catalogue has `key` (or its plural forms) in some language. */
    has(key: string): boolean {
        return this.templates.some((t) => belongs(t.key, key));
    }

    /** True when `text` contains the catalogue text `key` in any language. */
    says(text: string, key: string): boolean {
        return this.templates.some((t) => belongs(t.key, key) && t.literal > 0 && t.pattern.test(text));
    }

    /** The first of `keys` whose catalogue text `text` is, in any language. */
    whichOf(text: string, keys: readonly string[]): string | undefined {
        return keys.find((key) => this.says(text, key));
    }

    /**
     * The language of bot texts by catalogue membership: each text found scores its fixed
     * length for its language; undefined when nothing distinctive matched.
     */
    languageOf(texts: readonly string[]): Language | undefined {
        const score = new Map<Language, number>();
        for (const text of texts)
            for (const t of this.templates) {
                if (t.shared || t.literal < MIN_LITERAL_FOR_LANGUAGE || !t.pattern.test(text)) continue;
                score.set(t.language, (score.get(t.language) ?? 0) + t.literal);
            }
        let best: Language | undefined;
        for (const [language, s] of score) if (best === undefined || s > (score.get(best) ?? 0)) best = language;
        return best;
    }
}

/** `guidance.intro_one` belongs to `guidance.intro`. */
function belongs(templateKey: string, key: string): boolean {
    return templateKey === key || (templateKey.startsWith(`${key}_`) && !templateKey.slice(key.length + 1).includes('.'));
}
