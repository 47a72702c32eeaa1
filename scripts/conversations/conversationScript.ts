import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES, IMPACTS, KINDS, LANGUAGES, PRODUCTS, SEVERITIES } from '../../src/policy/types';
import { isDev } from '../training/split';

/** What the simulated customer answers once a script says `autopilot`. */
const PersonaSchema = z.object({
    name: z.string().min(1),
    email: z.string().min(3),
    organisation: z.string().min(1),
    impact: z.enum(IMPACTS),
    solved: z.boolean(),
    wantsPerson: z.boolean(),
    supportPlanId: z.string().min(1).optional(),
    rating: z.number().int().min(1).max(5).optional(),
});

const TurnSchema = z.union([z.strictObject({ say: z.string() }), z.strictObject({ click: z.string().min(1) }), z.strictObject({ clickOld: z.string().min(1) }), z.strictObject({ autopilot: z.literal(true) })]);

const ExpectedTicketSchema = z.object({
    status: z.enum(['new', 'resolved']),
    category: z.enum(CATEGORIES),
    product: z.enum(PRODUCTS),
    kind: z.enum(KINDS).nullable(),
    severity: z.enum(SEVERITIES).nullable(),
    descriptionWords: z.array(z.string().min(1)),
});

/** The `says` checks of corpus/CONVERSATIONS.md. */
export const SAYS = ['no-phone', 'status', 'two-problems', 'desk-hours'] as const;
export type Says = (typeof SAYS)[number];

/** One scripted conversation (corpus/CONVERSATIONS.md, section 1). */
export const ConversationScriptSchema = z.object({
    id: z.string().regex(/^[a-z]{2}-\d{3}$/),
    lang: z.enum(LANGUAGES),
    behaviours: z.array(z.string().min(1)).min(1),
    channel: z.enum(['webchat', 'msteams']),
    locale: z.string().min(2),
    when: z.enum(['weekday-hours', 'weekday-evening', 'saturday-night']),
    persona: PersonaSchema,
    turns: z.array(TurnSchema).min(1),
    expect: z.object({
        tickets: z.array(ExpectedTicketSchema),
        personOffered: z.boolean(),
        language: z.enum(LANGUAGES),
        says: z.array(z.enum(SAYS)),
    }),
});
export type ConversationScript = z.infer<typeof ConversationScriptSchema>;
export type ScriptTurn = z.infer<typeof TurnSchema>;
export type Persona = ConversationScript['persona'];
export type ExpectedTicket = z.infer<typeof ExpectedTicketSchema>;

/** One JSONL line as a script; throws `loadConversations(): file:line: reason`. */
function parseScript(line: string, where: string): ConversationScript {
    const json = (() => {
        try {
            return JSON.parse(line) as unknown;
        } catch (err) {
            throw new Error(`loadConversations(): ${where}: invalid JSON (${(err as Error).message})`, { cause: err });
        }
    })();
    const parsed = ConversationScriptSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new Error(`loadConversations(): ${where}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
}

/** Reads corpus/conversations/<lang>.jsonl for every language, validating each line. */
export function loadConversations(root: string): ConversationScript[] {
    return LANGUAGES.flatMap((lang) => {
        const file = path.join(root, 'corpus', 'conversations', `${lang}.jsonl`);
        const lines = readFileSync(file, 'utf8').split('\n');
        return lines.flatMap((line, i) => (line.trim() ? [parseScript(line, `${path.basename(file)}:${i + 1}`)] : []));
    });
}

/** Which conversations to run: a split (the training split's hash of the id), a language, ids. */
export interface Selection {
    split: 'dev' | 'all';
    lang?: string;
    ids?: readonly string[];
}

export function selectConversations(scripts: readonly ConversationScript[], selection: Selection): ConversationScript[] {
    if (selection.ids?.length) return scripts.filter((s) => selection.ids?.includes(s.id));
    return scripts.filter((s) => (selection.split === 'all' || isDev(s.id)) && (!selection.lang || s.lang === selection.lang));
}
