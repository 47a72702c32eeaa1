import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../src/policy/types';
import { INTENT_CLASSES } from '../../src/understanding/intentLabels';
import { readJsonl } from './split';

/** One intent line, as in corpus/CONVERSATIONS.md section 2; a switch names its target language. */
export const IntentRowSchema = z
    .object({
        text: z.string().min(1),
        lang: z.enum(LANGUAGES),
        intent: z.enum(INTENT_CLASSES),
        target: z.enum(LANGUAGES).optional(),
    })
    .refine((r) => (r.intent === 'switch') === (r.target !== undefined), { message: 'target is given exactly for switch lines' });

/** A validated intent line. */
export type IntentRow = z.infer<typeof IntentRowSchema>;

/** Reads intent JSONL files; throws `loadIntentCorpus(): file:line: reason` on the first bad line. */
export function loadIntentCorpus(files: readonly string[]): IntentRow[] {
    return readJsonl(files, IntentRowSchema, 'loadIntentCorpus()');
}

/** The four intent files under `<root>/corpus/intents`. */
export function intentCorpusFiles(root: string): string[] {
    return LANGUAGES.map((lang) => path.join(root, 'corpus', 'intents', `${lang}.jsonl`));
}
