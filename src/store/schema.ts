import type { Generated } from 'kysely';

/** Bot Framework conversation and user state, one JSON document per key, with an eTag. */
export interface BotStateTable {
    key: string;
    document: string;
    etag: string;
    updated_at: string;
}

export interface TicketsTable {
    id: Generated<number>;
    number: string | null;
    idempotency_key: string;
    status: 'open' | 'resolved';
    resolution: string | null;
    conversation_id: string;
    channel_id: string;
    language: string;
    title: string;
    description: string;
    /** The description with personal data and secrets masked: what may leave the partner. */
    description_redacted: string | null;
    category: string;
    product: string;
    kind: string | null;
    impact: string | null;
    severity: string | null;
    due_at: string | null;
    due_basis: string | null;
    guidance_article_id: string | null;
    customer_name: string | null;
    customer_email: string | null;
    customer_organisation: string | null;
    customer_tenant_id: string | null;
    support_plan_id: string | null;
    partner_contact_name: string;
    partner_contact_email: string;
    partner_contact_phone: string | null;
    /** The Microsoft service request filed for this ticket (Partner Center id and status). */
    service_request_id: string | null;
    service_request_status: string | null;
    service_request_updated_at: string | null;
    /** The open Microsoft service health issue the customer was shown before escalating. */
    service_health_issue_id: string | null;
    service_health_issue_title: string | null;
    created_at: string;
    updated_at: string;
}

export interface TicketEventsTable {
    id: Generated<number>;
    ticket_id: number;
    type: string;
    data: string;
    created_at: string;
}

export interface Database {
    bot_state: BotStateTable;
    tickets: TicketsTable;
    ticket_events: TicketEventsTable;
}
