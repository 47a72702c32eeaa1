import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { fromRoot } from '../paths';
import { BusinessCalendarSchema, isAlwaysOpen, WEEKDAYS, WeeklyScheduleSchema, type Weekday } from '../policy/businessCalendar';
import { CommitmentSchema, RotaIdSchema, type Commitment } from '../policy/commitments';
import type { RotaHours } from '../policy/dueTime';
import type { Language } from '../policy/types';

/** Text the partner writes once, or per language (English is required, others fall back to it). */
const LocalizedTextSchema = (max: number) =>
    z.union([
        z.string().min(1).max(max),
        z.object({ en: z.string().min(1).max(max), es: z.string().min(1).max(max).optional(), pt: z.string().min(1).max(max).optional(), ru: z.string().min(1).max(max).optional() }),
    ]);
export type LocalizedText = z.infer<ReturnType<typeof LocalizedTextSchema>>;

/** The partner's text in the customer's language, or in English when it has no translation. */
export function localized(text: LocalizedText, language: Language): string {
    return typeof text === 'string' ? text : (text[language] ?? text.en);
}

const ContactMethodSchema = z.object({
    kind: z.enum(['chat', 'email', 'web', 'phone', 'portal']),
    label: LocalizedTextSchema(100),
    value: LocalizedTextSchema(300),
});

/** The partner's person named as primary contact on requests filed with Microsoft. */
const MicrosoftContactSchema = z.object({
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    email: z.email(),
    phone: z.string().min(3).max(40).optional(),
});

const ALL_WEEK = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])) as Record<Weekday, Array<{ start: string; end: string }>>;

/**
 * Who answers while the desk is closed: a name customers are told ("our on-call engineer")
 * and the weekly hours it is on duty in the desk's time zone, holidays included (default:
 * around the clock, that is whenever the desk is closed).
 */
const OnCallRotaSchema = z.object({
    id: RotaIdSchema,
    name: LocalizedTextSchema(120),
    hours: WeeklyScheduleSchema.default(ALL_WEEK),
});
export type OnCallRota = z.infer<typeof OnCallRotaSchema>;

/** What the partner tells customers about its support, and who it is towards Microsoft. */
export const PartnerProfileSchema = z.object({
    name: z.string().min(1).max(120),
    supportEmail: z.email(),
    website: z.url(),
    /** The partner's own desk phone, if it has one (Microsoft offers no phone support). */
    phone: z.string().min(3).max(40).optional(),
    supportOffered: LocalizedTextSchema(1000),
    hours: BusinessCalendarSchema,
    contactMethods: z.array(ContactMethodSchema).min(1).max(10),
    pricing: LocalizedTextSchema(1000),
    tenantId: z.uuid().optional(),
    mpnId: z.string().regex(/^\d{5,10}$/, 'MPN id is 5 to 10 digits').optional(),
    microsoftContact: MicrosoftContactSchema,
    /** On-call rotas that commitments can name. */
    onCall: z.array(OnCallRotaSchema).max(10).default([]),
    /** The partner's own response-time promises, tried in order before the programme's. */
    commitments: z.array(CommitmentSchema).max(50).default([]),
}).superRefine(checkCommitments);
export type PartnerProfile = z.infer<typeof PartnerProfileSchema>;

/** Commitments must name rotas that exist, and a clock that runs around the clock needs someone there around the clock. */
function checkCommitments(profile: { hours: z.infer<typeof BusinessCalendarSchema>; onCall: OnCallRota[]; commitments: Commitment[] }, ctx: z.RefinementCtx): void {
    const ids = new Set<string>();
    profile.onCall.forEach((rota, i) => {
        if (ids.has(rota.id)) ctx.addIssue({ code: 'custom', path: ['onCall', i, 'id'], message: `rota "${rota.id}" is listed twice` });
        ids.add(rota.id);
        if (WEEKDAYS.every((d) => rota.hours[d].length === 0)) ctx.addIssue({ code: 'custom', path: ['onCall', i, 'hours'], message: 'a rota needs some hours on duty' });
    });
    const alwaysOpen = isAlwaysOpen(profile.hours);
    profile.commitments.forEach((c, i) => {
        if (typeof c.coverage === 'object' && !ids.has(c.coverage.onCall)) {
            ctx.addIssue({ code: 'custom', path: ['commitments', i, 'coverage', 'onCall'], message: `no on-call rota "${c.coverage.onCall}" (define it under "onCall")` });
        }
        if (c.coverage === 'around-the-clock' && !alwaysOpen) {
            ctx.addIssue({
                code: 'custom',
                path: ['commitments', i, 'coverage'],
                message: 'around the clock, but the desk is closed at times ("hours") and nobody is named to answer then: use { "onCall": "<rota id>" } or "business-hours"',
            });
        }
    });
}

/** The rotas' hours by id, as the due-time rules take them. */
export function rotaHoursOf(profile: Pick<PartnerProfile, 'onCall'>): RotaHours {
    return Object.fromEntries(profile.onCall.map((rota) => [rota.id, rota.hours]));
}

export const EXAMPLE_PROFILE_FILE = 'config/partner.example.json';

/** Thrown when the partner profile cannot be read or does not parse. */
export class PartnerProfileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PartnerProfileError';
    }
}

/**
 * Loads the partner profile from PARTNER_PROFILE_JSON, else PARTNER_PROFILE_FILE, else the
 * example that ships; PARTNER_TENANT_ID overrides the tenant id.
 */
export function loadPartnerProfile(config: AppConfig): { profile: PartnerProfile; source: string } {
    const source = config.PARTNER_PROFILE_JSON ? 'PARTNER_PROFILE_JSON' : (config.PARTNER_PROFILE_FILE ?? EXAMPLE_PROFILE_FILE);
    let raw: unknown;
    try {
        raw = JSON.parse(config.PARTNER_PROFILE_JSON ?? readFileSync(fromRoot(source), 'utf8'));
    } catch (err) {
        throw new PartnerProfileError(`loadPartnerProfile(): cannot read ${source}: ${(err as Error).message}`);
    }
    const parsed = PartnerProfileSchema.safeParse(raw);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
        throw new PartnerProfileError(`loadPartnerProfile(): invalid partner profile in ${source}\n${lines.join('\n')}`);
    }
    const profile = config.PARTNER_TENANT_ID ? { ...parsed.data, tenantId: config.PARTNER_TENANT_ID } : parsed.data;
    return { profile, source };
}
