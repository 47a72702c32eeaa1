import { z } from 'zod';
import { RESPONSE_HOURS } from './severity';
import { SEVERITIES, type Category, type Kind, type Language, type Severity } from './types';

/** Which cases a commitment covers: break-fix incidents, advisory (how-to) questions, commercial cases, or all. */
export const COMMITMENT_KINDS = ['break-fix', 'advisory', 'commercial', 'any'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** English, any other (local) language, or both. */
export const LANGUAGE_SCOPES = ['english', 'local', 'any'] as const;
export type LanguageScope = (typeof LANGUAGE_SCOPES)[number];

/** An on-call rota's id, as commitments name it. */
export const RotaIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes');

/**
 * When the clock runs: always, only while the desk is open, or while the desk is open or the
 * named on-call rota is on duty.
 */
export const CoverageSchema = z.union([z.enum(['around-the-clock', 'business-hours']), z.object({ onCall: RotaIdSchema }).strict()]);
export type Coverage = z.infer<typeof CoverageSchema>;

/**
 * One promise the partner makes: for cases of this kind, severity and language, the first
 * response comes within `hours` on the `coverage` clock, or within one business day.
 */
export const CommitmentSchema = z
    .object({
        kind: z.enum(COMMITMENT_KINDS).default('any'),
        severity: z.enum(SEVERITIES).optional(),
        languages: z.enum(LANGUAGE_SCOPES).default('any'),
        coverage: CoverageSchema.default('business-hours'),
        hours: z.number().int().min(1).max(720).optional(),
        businessDay: z.literal(true).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
        if ((c.hours === undefined) === (c.businessDay === undefined)) ctx.addIssue({ code: 'custom', message: 'set either "hours" or "businessDay": true' });
        if (c.severity && c.kind !== 'break-fix') ctx.addIssue({ code: 'custom', path: ['severity'], message: 'severities apply to break-fix incidents only (set "kind": "break-fix")' });
        if (c.businessDay && c.coverage !== 'business-hours') ctx.addIssue({ code: 'custom', path: ['coverage'], message: 'a business day is counted in business hours' });
    });
export type Commitment = z.infer<typeof CommitmentSchema>;

/**
 * The programme's times (docs/PROGRAMME.md): break-fix 2/4/8 hours by severity, around the clock in
 * English and in business hours in a local language; anything else one business day.
 */
export const PROGRAMME_COMMITMENTS: readonly Commitment[] = [
    ...SEVERITIES.map((severity) => ({ kind: 'break-fix' as const, severity, languages: 'english' as const, coverage: 'around-the-clock' as const, hours: RESPONSE_HOURS[severity] })),
    ...SEVERITIES.map((severity) => ({ kind: 'break-fix' as const, severity, languages: 'local' as const, coverage: 'business-hours' as const, hours: RESPONSE_HOURS[severity] })),
    { kind: 'any', languages: 'any', coverage: 'business-hours', businessDay: true },
];

/** What decides which commitment applies to a case. */
export interface CommitmentCase {
    category: Category;
    kind: Kind | null;
    severity: Severity | null;
    language: Language;
}

/** A case's kind as commitments name it: commercial, break-fix, or advisory (technical, not break-fix). */
export function commitmentKindOf(c: Pick<CommitmentCase, 'category' | 'kind'>): Exclude<CommitmentKind, 'any'> {
    if (c.category === 'commercial') return 'commercial';
    return c.kind === 'break-fix' ? 'break-fix' : 'advisory';
}

function covers(commitment: Commitment, c: CommitmentCase): boolean {
    if (commitment.kind !== 'any' && commitment.kind !== commitmentKindOf(c)) return false;
    if (commitment.severity && commitment.severity !== c.severity) return false;
    if (commitment.languages === 'english') return c.language === 'en';
    if (commitment.languages === 'local') return c.language !== 'en';
    return true;
}

/** The partner's first commitment that covers the case, else the programme's. */
export function commitmentFor(c: CommitmentCase, partner: readonly Commitment[] = []): Commitment {
    const found = partner.find((commitment) => covers(commitment, c)) ?? PROGRAMME_COMMITMENTS.find((commitment) => covers(commitment, c));
    // The programme's last rule covers every case.
    return found as Commitment;
}
