import { z } from 'zod';
import { PRODUCTS } from '../policy/types';

/** Partner Center support topic families a service request can be filed under. */
export const TOPIC_FAMILIES = ['office365', 'dynamics', 'ems', 'azure', 'billing'] as const;
export type TopicFamily = (typeof TOPIC_FAMILIES)[number];

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
const Name = z.string().trim().min(2).max(80);
const HealthNames = z.array(z.string().min(3).max(80));

const TopicSchema = z.object({ label: z.string().min(3), words: z.array(Name).min(1) });
const ProductDefaultsSchema = z.object({ health: HealthNames, topic: z.enum(TOPIC_FAMILIES) });

const FamilySchema = z.object({
    label: z.string().min(3),
    /** The classifier's product label for everything in the family (corpus/LABELS.md). */
    product: z.enum(PRODUCTS),
    /** Graph serviceHealth `service` names that can explain a problem with the family. */
    health: HealthNames,
    topic: z.enum(TOPIC_FAMILIES),
    /** Suites, plans and programmes: they say who bought what, not what the problem is about. */
    umbrella: z.boolean().default(false),
});

const ServiceSchema = z.object({
    id: Id,
    family: Id,
    /** Whole-word names, matched with case and accents ignored; the first is the display name. */
    names: z.array(Name).min(1),
    /** Names that are also ordinary words ("Word", "Project"): matched only as written. */
    caseNames: z.array(Name).default([]),
    /** Overrides the family's health names. */
    health: HealthNames.optional(),
    /** The current service this old brand name became. */
    renamedTo: Id.optional(),
    retired: z.boolean().default(false),
});

/** content/catalogue/services.json. */
export const CatalogueFileSchema = z
    .object({
        $comment: z.string().optional(),
        topics: z.record(z.enum(TOPIC_FAMILIES), TopicSchema),
        products: z.record(z.enum(PRODUCTS), ProductDefaultsSchema),
        families: z.record(Id, FamilySchema),
        services: z.array(ServiceSchema).min(200),
    })
    .superRefine((file, ctx) => {
        const ids = new Set<string>();
        file.services.forEach((s, i) => {
            if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id ${s.id}` });
            ids.add(s.id);
            if (!file.families[s.family]) ctx.addIssue({ code: 'custom', path: ['services', i, 'family'], message: `unknown family ${s.family}` });
        });
        file.services.forEach((s, i) => {
            if (s.renamedTo && !ids.has(s.renamedTo)) ctx.addIssue({ code: 'custom', path: ['services', i, 'renamedTo'], message: `unknown service ${s.renamedTo}` });
        });
    });

export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;
