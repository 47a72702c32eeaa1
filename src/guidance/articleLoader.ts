import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Language } from '../policy/types';
import { ArticleMetaSchema, type Article } from './article';

/** Thrown when an article file is malformed; names the file and the field. */
export class ArticleFormatError extends Error {
    constructor(file: string, reason: string) {
        super(`loadArticles(): ${file}: ${reason}`);
        this.name = 'ArticleFormatError';
    }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

/** Parses one article file's text (YAML front matter, then a Markdown body). */
export function parseArticle(file: string, text: string, language: Language): Article {
    const match = FRONT_MATTER.exec(text);
    if (!match) throw new ArticleFormatError(file, 'missing --- front matter ---');
    let raw: unknown;
    try {
        raw = parseYaml(match[1] ?? '');
    } catch (err) {
        throw new ArticleFormatError(file, `front matter is not YAML: ${(err as Error).message}`);
    }
    const meta = ArticleMetaSchema.safeParse(raw);
    if (!meta.success) throw new ArticleFormatError(file, meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (path.basename(file, '.md') !== meta.data.id) throw new ArticleFormatError(file, `id "${meta.data.id}" differs from the file name`);
    const body = (match[2] ?? '').trim();
    if (body.length < 50) throw new ArticleFormatError(file, 'body is too short');
    return { ...meta.data, language, body };
}

/** Loads every article of one language from `<dir>/<language>/*.md`, sorted by id. */
export function loadArticles(dir: string, language: Language): Article[] {
    const folder = path.join(dir, language);
    return readdirSync(folder)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => parseArticle(path.join(folder, f), readFileSync(path.join(folder, f), 'utf8'), language));
}
