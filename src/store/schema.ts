import type { Generated } from 'kysely';
import type { ActorKind, TicketStatus } from '../policy/types';

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
    status: TicketStatus;
    /** How it was resolved: 'guidance' (an article, at intake) or 'agent'. */
    resolution: string | null;
    /** What the agent told the customer when resolving it. */
    resolution_text: string | null;
    assignee_aad_object_id: string | null;
    assignee_name: string | null;
    /** An agent's first public reply or takeover, and who it was. */
    first_response_at: string | null;
    first_response_by: string | null;
    resolved_at: string | null;
    closed_at: string | null;
    /** Bumped by every change, so concurrent changes see each other. */
    version: Generated<number>;
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
    /** The Microsoft Entra tenant, only as Teams vouches for it (never what a Web Chat client writes). */
    customer_tenant_id: string | null;
    /** The channel's id of the person who opened the ticket (Web Chat: bound to the Direct Line token). */
    customer_user_id: string | null;
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
    /** The customer's 1-5 rating of an agent's help, when given. */
    rating: number | null;
}

export interface TicketEventsTable {
    id: Generated<number>;
    ticket_id: number;
    type: string;
    data: string;
    /** Who made the change (customer, agent, psa, bot, system), and their id and name. */
    actor_kind: ActorKind | null;
    actor_id: string | null;
    actor_name: string | null;
    created_at: string;
}

/** An at-risk or breach alert raised for a ticket's due time: one row, so it fires once. */
export interface TicketAlertsTable {
    ticket_id: number;
    kind: 'at-risk' | 'breach';
    due_at: string;
    fired_at: string;
}

/** A ticket update for its customer, until they have seen it (proactively, or on their next visit). */
export interface CustomerNoticesTable {
    id: Generated<number>;
    ticket_id: number;
    /** The ticket_events row it tells about. */
    event_id: number;
    conversation_id: string;
    channel_id: string;
    user_id: string | null;
    created_at: string;
    /** When it was posted into the customer's conversation. */
    sent_at: string | null;
    /** When the customer saw it (a Teams or live Web Chat delivery, or their next visit). */
    shown_at: string | null;
}

export type HandoffState = 'waiting' | 'agent' | 'rating' | 'closed';

/** One takeover of a customer conversation by a person: queue, agent, rating, closed. */
export interface HandoffsTable {
    id: Generated<number>;
    conversation_id: string;
    channel_id: string;
    state: HandoffState;
    /** 'builtin' (our queue and Teams agents) or 'external' (a Direct Line agent hub). */
    hub: 'builtin' | 'external';
    reason: string;
    language: string;
    customer_name: string | null;
    customer_organisation: string | null;
    ticket_id: number | null;
    summary: string | null;
    /** The customer's conversation reference (JSON), refreshed on every customer turn. */
    customer_reference: string;
    agent_aad_object_id: string | null;
    agent_name: string | null;
    /** The request card in the agents' channel, updated in place. */
    notice_activity_id: string | null;
    enqueued_at: string;
    accepted_at: string | null;
    ended_at: string | null;
    /** Who ended it: agent, customer, timeout, closed-hours. */
    ended_by: string | null;
    closed_at: string | null;
    rating: number | null;
    updated_at: string;
    /** What the agent who transferred the chat told the next one. */
    transfer_note: string | null;
}

/** Agents added by an admin command (the env list is the other source). */
export interface AgentsTable {
    aad_object_id: string;
    name: string | null;
    added_by: string;
    added_at: string;
}

/** Each agent's 1:1 chat with the bot (conversation reference JSON), refreshed every agent turn. */
export interface AgentChatsTable {
    aad_object_id: string;
    name: string | null;
    reference: string;
    updated_at: string;
    /** available, away or offline (see AGENT_AVAILABILITIES). */
    availability: Generated<string>;
    availability_at: string | null;
    /** The live chat the agent's next plain message goes to. */
    focus_handoff_id: number | null;
}

/**
 * A button on a card the bot sent to agents: the card carries only this row's random id, so
 * an action is honoured only when the bot issued it, and only for the audience it was issued
 * to (`agent:<Entra object id>` or `channel:<Teams channel conversation id>`).
 */
export interface AgentActionsTable {
    id: string;
    action: string;
    handoff_id: number | null;
    ticket_id: number | null;
    audience: string;
    created_at: string;
}

/** Small key/value settings, e.g. the agents' channel conversation reference. */
export interface BotSettingsTable {
    key: string;
    value: string;
    updated_at: string;
}

/** Every message of a customer conversation, with a PII-redacted copy for anything leaving the partner. */
export interface TranscriptEntriesTable {
    id: Generated<number>;
    conversation_id: string;
    role: 'customer' | 'bot' | 'agent' | 'note';
    author: string | null;
    text: string;
    /** The PII-redacted copy; '' until it is needed (redacted when read to leave the partner). */
    text_redacted: string;
    /** JSON list of {contentType, name} of attachments. */
    attachments: string | null;
    created_at: string;
}

/** The latest conversation reference of each customer conversation, for messages the bot starts. */
export interface ConversationRefsTable {
    conversation_id: string;
    reference: string;
    updated_at: string;
}

/** The stored answer to a request that carried an Idempotency-Key, per caller (`scope`). */
export interface IdempotencyRecordsTable {
    scope: string;
    idempotency_key: string;
    /** SHA-256 (hex) of what was asked: the same key with another request is refused. */
    request_hash: string;
    status: number;
    /** The answer's JSON text, replayed as it was. */
    body: string;
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

/** When each customer conversation began (its first customer message): the desk's conversation count. */
export interface ConversationStartsTable {
    conversation_id: string;
    started_at: string;
}

/** A weekly summary posted to the agents (ISO week of the partner's zone, e.g. 2026-W50): one row, so it fires once. */
export interface WeeklySummariesTable {
    week: string;
    created_at: string;
}

/** A file a visitor attached; `content` is the bytes as sent (checked to be of `content_type`). */
export interface AttachmentsTable {
    id: string;
    conversation_id: string;
    ticket_id: number | null;
    name: string;
    content_type: string;
    size: number;
    sha256: string;
    content: Buffer;
    created_at: string;
}

export interface Database {
    bot_state: BotStateTable;
    tickets: TicketsTable;
    ticket_events: TicketEventsTable;
    handoffs: HandoffsTable;
    agents: AgentsTable;
    agent_chats: AgentChatsTable;
    bot_settings: BotSettingsTable;
    transcript_entries: TranscriptEntriesTable;
    conversation_refs: ConversationRefsTable;
    outbox: OutboxTable;
    agent_actions: AgentActionsTable;
    ticket_alerts: TicketAlertsTable;
    customer_notices: CustomerNoticesTable;
    weekly_summaries: WeeklySummariesTable;
    conversation_starts: ConversationStartsTable;
    idempotency_records: IdempotencyRecordsTable;
    attachments: AttachmentsTable;
}
