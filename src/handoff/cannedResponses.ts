import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../paths';
import { LANGUAGES, type Language } from '../policy/types';

const Text = z.string().trim().min(1).max(2000);
const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** `{ "responses": { "<name>": { "en": "…", "es": "…", … } } }`: English is required, other languages optional. */
const CannedFileSchema = z.object({
    responses: z
        .record(z.string().regex(NAME, 'names are lower-case letters, digits and dashes (up to 32)'), z.object({ en: Text, es: Text.optional(), pt: Text.optional(), ru: Text.optional() }).strict())
        .refine((r) => Object.keys(r).length <= 200, 'at most 200 canned responses'),
});

/**
 * The partner's canned responses: short texts agents insert into a live chat by name
 * (`/thanks`), sent in the customer's language (English where the partner wrote no other).
 */
export class CannedResponses {
    private constructor(private readonly byName: ReadonlyMap<string, Partial<Record<Language, string>> & { en: string }>) {}

    static empty(): CannedResponses {
        return new CannedResponses(new Map());
    }

    /** Reads and validates the file; throws naming the bad entry (start-up stops). */
    static fromFile(file: string): CannedResponses {
        let raw: unknown;
        try {
            raw = JSON.parse(readFileSync(fromRoot(file), 'utf8'));
        } catch (error) {
            throw new Error(`CANNED_RESPONSES_FILE ${file}: ${(error as Error).message}`, { cause: error });
        }
        const parsed = CannedFileSchema.safeParse(raw);
        if (!parsed.success) throw new Error(`CANNED_RESPONSES_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return new CannedResponses(new Map(Object.entries(parsed.data.responses)));
    }

    /** The names, alphabetically, with the languages each is written in. */
    list(): Array<{ name: string; languages: Language[]; en: string }> {
        return [...this.byName.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, texts]) => ({ name, languages: LANGUAGES.filter((l) => texts[l] !== undefined), en: texts.en }));
    }

    /** The text for the customer's language, English where there is none; undefined for an unknown name. */
    text(name: string, language: Language): string | undefined {
        const texts = this.byName.get(name.toLowerCase());
        return texts && (texts[language] ?? texts.en);
    }
}
