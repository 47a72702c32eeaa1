import type { Selectable } from 'kysely';
import { z } from 'zod';
import { ACTOR_KINDS, CATEGORIES, DUE_BASES, IMPACTS, KINDS, LANGUAGES, PRODUCTS, SEVERITIES, TICKET_STATUSES, type Actor, type Category, type DueBasis, type Impact, type Kind, type Language, type Product, type Severity, type TicketStatus } from '../policy/types';
import type { TicketEventsTable, TicketsTable } from './schema';

export type { TicketStatus };

/** A ticket as the bot works with it: camelCase, labels as literal unions. */
export interface Ticket {
    id: number;
    /** SR-<year>-<6 digits>; null only inside the transaction that creates it. */
    number: string | null;
    idempotencyKey: string;
    status: TicketStatus;
    /** How a resolved ticket was resolved ('guidance' at intake, 'agent'), else null. */
    resolution: string | null;
    /** What the agent told the customer when resolving it. */
    resolutionText: string | null;
    assigneeAadObjectId: string | null;
    assigneeName: string | null;
    /** An agent's first public reply or takeover: the moment the due time is measured against. */
    firstResponseAt: string | null;
    firstResponseBy: string | null;
    resolvedAt: string | null;
    closedAt: string | null;
    /** Bumped by every change (optimistic concurrency). */
    version: number;
    conversationId: string;
    channelId: string;
    language: Language;
    title: string;
    description: string;
    /** The description with personal data and secrets masked: what may leave the partner. */
    descriptionRedacted: string | null;
    category: Category;
    product: Product;
    kind: Kind | null;
    impact: Impact | null;
    severity: Severity | null;
    dueAt: string | null;
    dueBasis: DueBasis | null;
    guidanceArticleId: string | null;
    customerName: string | null;
    customerEmail: string | null;
    customerOrganisation: string | null;
    /** The Microsoft Entra tenant, only as Teams vouches for it (never what a Web Chat client writes). */
    customerTenantId: string | null;
    /** The channel's id of the person who opened the ticket (Web Chat: bound to the Direct Line token). */
    customerUserId: string | null;
    supportPlanId: string | null;
    partnerContactName: string;
    partnerContactEmail: string;
    partnerContactPhone: string | null;
    /** The Microsoft service request filed for this ticket (Partner Center id and status, and when the bot last read it). */
    serviceRequestId: string | null;
    serviceRequestStatus: string | null;
    serviceRequestUpdatedAt: string | null;
    /** The open Microsoft service health issue the customer was shown before escalating. */
    serviceHealthIssueId: string | null;
    serviceHealthIssueTitle: string | null;
    /** The customer's 1-5 rating of an agent's help, when given. */
    rating: number | null;
    createdAt: string;
    updatedAt: string;
}

/** One entry of a ticket's history: what happened, who did it, when. */
export interface TicketEvent {
    id: number;
    type: string;
    data: string;
    actor: Actor | null;
    createdAt: string;
}

const ActorKindSchema = z.enum(ACTOR_KINDS);

/** A ticket_events row as the bot sees it. */
export function toTicketEvent(row: Pick<Selectable<TicketEventsTable>, 'id' | 'type' | 'data' | 'actor_kind' | 'actor_id' | 'actor_name' | 'created_at'>): TicketEvent {
    const kind = ActorKindSchema.safeParse(row.actor_kind);
    const actor: Actor | null = kind.success ? { kind: kind.data, ...(row.actor_id ? { id: row.actor_id } : {}), ...(row.actor_name ? { name: row.actor_name } : {}) } : null;
    return { id: row.id, type: row.type, data: row.data, actor, createdAt: row.created_at };
}

const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);
const Labels = z.object({
    language: z.enum(LANGUAGES).catch('en'),
    category: z.enum(CATEGORIES).catch('technical'),
    product: z.enum(PRODUCTS).catch('unknown'),
    kind: nullableEnum(KINDS),
    impact: nullableEnum(IMPACTS),
    severity: nullableEnum(SEVERITIES),
    dueBasis: nullableEnum(DUE_BASES),
    status: z.enum(TICKET_STATUSES).catch('new'),
});

/** A row as the rest of the bot sees it; a label the code does not know reads as the safe default. */
export function toTicket(row: Selectable<TicketsTable>): Ticket {
    const labels = Labels.parse({ language: row.language, category: row.category, product: row.product, kind: row.kind, impact: row.impact, severity: row.severity, dueBasis: row.due_basis, status: row.status });
    return {
        id: row.id,
        number: row.number,
        idempotencyKey: row.idempotency_key,
        status: labels.status,
        resolution: row.resolution,
        resolutionText: row.resolution_text,
        assigneeAadObjectId: row.assignee_aad_object_id,
        assigneeName: row.assignee_name,
        firstResponseAt: row.first_response_at,
        firstResponseBy: row.first_response_by,
        resolvedAt: row.resolved_at,
        closedAt: row.closed_at,
        version: row.version,
        conversationId: row.conversation_id,
        channelId: row.channel_id,
        language: labels.language,
        title: row.title,
        description: row.description,
        descriptionRedacted: row.description_redacted,
        category: labels.category,
        product: labels.product,
        kind: labels.kind,
        impact: labels.impact,
        severity: labels.severity,
        dueAt: row.due_at,
        dueBasis: labels.dueBasis,
        guidanceArticleId: row.guidance_article_id,
        customerName: row.customer_name,
        customerEmail: row.customer_email,
        customerOrganisation: row.customer_organisation,
        customerTenantId: row.customer_tenant_id,
        customerUserId: row.customer_user_id,
        supportPlanId: row.support_plan_id,
        partnerContactName: row.partner_contact_name,
        partnerContactEmail: row.partner_contact_email,
        partnerContactPhone: row.partner_contact_phone,
        serviceRequestId: row.service_request_id,
        serviceRequestStatus: row.service_request_status,
        serviceRequestUpdatedAt: row.service_request_updated_at,
        serviceHealthIssueId: row.service_health_issue_id,
        serviceHealthIssueTitle: row.service_health_issue_title,
        rating: row.rating,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
    };
}
