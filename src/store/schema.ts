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

/** Where a message that leaves the process is in its delivery. */
export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'dead';

/** One side effect to deliver (webhook, agent notice, ...); see src/escalation/outbox.ts. */
export interface OutboxTable {
    id: Generated<number>;
    kind: string;
    idempotency_key: string;
    /** JSON; never the raw ticket description. */
    payload: string;
    ticket_id: number | null;
    status: OutboxStatus;
    /** Attempts started (a claim counts, so a crash loop still reaches the limit). */
    attempts: Generated<number>;
    /** ISO-8601 UTC; rows are due when this is not after now. */
    next_attempt_at: string;
    /** Why the last attempt failed, in our own words (status codes, timeouts), no personal data. */
    last_error: string | null;
    lease_until: string | null;
    claimed_by: string | null;
    created_at: string;
    delivered_at: string | null;
}

export interface Database {
    bot_state: BotStateTable;
    tickets: TicketsTable;
    ticket_events: TicketEventsTable;
    outbox: OutboxTable;
}
