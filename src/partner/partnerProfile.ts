import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { fromRoot } from '../paths';
import { BusinessCalendarSchema } from '../policy/businessCalendar';
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
});
export type PartnerProfile = z.infer<typeof PartnerProfileSchema>;

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
