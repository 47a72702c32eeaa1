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

/**
 * The two question sets: 'tuning' (corpus/guidance-eval/<lang>.jsonl), on which the ranking
 * and the relevance floor may be tuned, and 'heldout' (corpus/guidance-eval/heldout/<lang>.jsonl),
 * written separately and never tuned on, which gives the figure the project reports.
 */
export type GuidanceEvalSet = 'tuning' | 'heldout';

export const GUIDANCE_EVAL_DIRS: Record<GuidanceEvalSet, string> = { tuning: 'corpus/guidance-eval', heldout: 'corpus/guidance-eval/heldout' };

/** The question files of one set, one per language. */
export function guidanceEvalFiles(root: string, set: GuidanceEvalSet = 'tuning'): string[] {
    const dir = path.join(root, GUIDANCE_EVAL_DIRS[set]);
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
