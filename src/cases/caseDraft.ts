import type { Category, DueBasis, Impact, Kind, Language, Product, Severity } from '../policy/types';
import { saysLittle } from '../understanding/problemSplitter';

/** The case as the dialogs build it up; plain data, kept in dialog state between turns. */
export interface CaseDraft {
    intakeId: string;
    language: Language;
    description: string;
    category?: Category;
    product?: Product;
    kind?: Kind | null;
    /** Fields the customer still has to answer because the classifier was unsure, or on correction. */
    toAsk: Array<'category' | 'product' | 'kind'>;
    /** Severity the first message itself stated (the impact question may confirm it). */
    statedSeverity?: Severity | null;
    confirmed?: boolean;
    impact?: Impact;
    severity?: Severity;
    dueAt?: string;
    dueBasis?: DueBasis;
    /** When the first-response clock started (the due time was computed). */
    dueFrom?: string;
    supportPlanId?: string;
    tenantId?: string;
    /** The open Microsoft service health issue the customer was shown before escalating. */
    serviceHealthIssue?: { id: string; title: string };
    /** Follow-up questions asked because the description was too vague to act on. */
    clarifications?: number;
    /** The description as it was when it was too vague to act on ("nothing works!!!"): the title starts after it. */
    vagueStart?: string;
    /** Labels the customer chose or named in a correction ("it's Dynamics, not Azure"): they win over the classifier. */
    forced?: { category?: Category; product?: Product; kind?: Kind };
    /** Earlier statements of the problem the customer replaced, oldest first (kept as ticket events). */
    history?: string[];
}

/** A case whose classification is settled. */
export type ClassifiedCase = CaseDraft & { category: Category; product: Product; kind: Kind | null };

/**
 * A short title for a ticket: the first sentence of the description that says something of the
 * problem (not "Morning!", "fine." or "help, urgent!!" before it), at most 120 characters.
 */
export function titleOf(description: string): string {
    const sentences = description.trim().split(/(?<=[.!?])\s|\n/).filter((s) => s.trim());
    const first = sentences.find((s) => !saysLittle(s)) ?? sentences[0] ?? description;
    const clean = first.replace(/\s+/g, ' ').trim();
    return clean.length <= 120 ? clean : `${clean.slice(0, 117)}...`;
}

/** A case's title: the first sentence of what the customer told, after a start too vague to act on ("nothing works!!!") when they said more. */
export function caseTitle(draft: Pick<CaseDraft, 'description' | 'vagueStart'>): string {
    const start = draft.vagueStart;
    const after = start && draft.description.startsWith(start) ? draft.description.slice(start.length).trim() : '';
    return titleOf(after || draft.description);
}
