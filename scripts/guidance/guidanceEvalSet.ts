import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../src/policy/types';
import { readJsonl } from '../training/split';

/** One labelled guidance question: the article that answers it, or null when none does. */
export const GuidanceQuestionSchema = z.object({
    text: z.string().min(1),
    lang: z.enum(LANGUAGES),
    article: z.string().min(1).nullable(),
});

export type GuidanceQuestion = z.infer<typeof GuidanceQuestionSchema>;

/** The question files under corpus/guidance-eval, one per language. */
export function guidanceEvalFiles(root: string): string[] {
    const dir = path.join(root, 'corpus', 'guidance-eval');
    const present = new Set(readdirSync(dir));
    return LANGUAGES.filter((l: Language) => present.has(`${l}.jsonl`)).map((l) => path.join(dir, `${l}.jsonl`));
}

/** Reads and validates the questions; every named article must exist (`knownIds`). */
export function loadGuidanceQuestions(files: readonly string[], knownIds: ReadonlySet<string>): GuidanceQuestion[] {
    const rows = readJsonl(files, GuidanceQuestionSchema, 'loadGuidanceQuestions()');
    const unknown = rows.find((r) => r.article !== null && !knownIds.has(r.article));
    if (unknown) throw new Error(`loadGuidanceQuestions(): unknown article "${unknown.article}" for "${unknown.text}"`);
    return rows;
}
