import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES, KINDS, LANGUAGES, PRODUCTS, SEVERITIES } from '../../src/policy/types';
import { normalizeForModel } from '../../src/understanding/model/modelText';
import { fnv1a } from '../../src/understanding/model/features';

/** One labelled corpus row, as in corpus/LABELS.md. */
export const CorpusRowSchema = z
    .object({
        text: z.string().min(1),
        lang: z.enum(LANGUAGES),
        category: z.enum(CATEGORIES),
        product: z.enum(PRODUCTS),
        kind: z.enum(KINDS).nullable(),
        severity: z.enum(SEVERITIES).nullable(),
    })
    .refine((r) => (r.category === 'commercial') === (r.kind === null), { message: 'kind must be null exactly for commercial rows' })
    .refine((r) => r.severity === null || r.kind === 'break-fix', { message: 'severity is only for technical break-fix rows' });

/** A validated corpus row. */
export type CorpusRow = z.infer<typeof CorpusRowSchema>;

/** Seed for the split hash, distinct from the feature hashes. */
const SPLIT_SEED = 0x5eed_d15c;

/**
 * True when a row belongs to the dev split: FNV-1a of its normalized text, mod 5, is 0
 * (about 20% of rows). Depends only on the text, so it is stable across runs and files.
 */
export function isDev(text: string): boolean {
    return fnv1a(normalizeForModel(text), SPLIT_SEED) % 5 === 0;
}

/**
 * Reads JSONL files and validates every non-blank line with `schema`.
 * Throws `<caller>: file:line: reason` on the first bad row.
 */
export function readJsonl<T>(files: readonly string[], schema: z.ZodType<T>, caller: string): T[] {
    const rows: T[] = [];
    for (const file of files) {
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
            if (!line.trim()) return;
            const where = `${path.basename(file)}:${i + 1}`;
            let raw: unknown;
            try {
                raw = JSON.parse(line);
            } catch (err) {
                throw new Error(`${caller}: ${where}: invalid JSON (${(err as Error).message})`, { cause: err });
            }
            const parsed = schema.safeParse(raw);
            if (!parsed.success) {
                const issues = parsed.error.issues.map((iss) => `${iss.path.join('.') || 'row'}: ${iss.message}`).join('; ');
                throw new Error(`${caller}: ${where}: ${issues}`);
            }
            rows.push(parsed.data);
        });
    }
    return rows;
}

/**
 * Reads JSONL corpus files and validates every non-blank line.
 * Throws `loadCorpus(): file:line: reason` on the first bad row.
 */
export function loadCorpus(files: readonly string[]): CorpusRow[] {
    return readJsonl(files, CorpusRowSchema, 'loadCorpus()');
}

/** The four corpus files under `<root>/corpus`. */
export function corpusFiles(root: string): string[] {
    return LANGUAGES.map((lang) => path.join(root, 'corpus', `${lang}.jsonl`));
}
