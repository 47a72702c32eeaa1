import { z } from 'zod';

/** What every Action.Submit of our cards posts back as `activity.value`. */
export const CardSubmissionSchema = z.object({
    csp: z.literal(1),
    prompt: z.string().min(1).max(64),
    choice: z.string().min(1).max(64),
    intake: z.string().max(64),
});
export type CardSubmission = z.infer<typeof CardSubmissionSchema>;

/** Parses `activity.value`: a card submission of ours, 'invalid' for junk, undefined for none. */
export function parseCardSubmission(value: unknown): CardSubmission | 'invalid' | undefined {
    if (value === undefined || value === null) return undefined;
    const parsed = CardSubmissionSchema.safeParse(value);
    return parsed.success ? parsed.data : 'invalid';
}
