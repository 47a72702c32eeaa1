/** Labels shared by understanding, policy, tickets and evaluation (one schema). */
export const LANGUAGES = ['en', 'es', 'pt', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATEGORIES = ['commercial', 'technical'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRODUCTS = ['azure', 'microsoft365', 'dynamics365', 'ems', 'unknown'] as const;
export type Product = (typeof PRODUCTS)[number];

export const KINDS = ['break-fix', 'advisory'] as const;
export type Kind = (typeof KINDS)[number];

export const SEVERITIES = ['A', 'B', 'C'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const IMPACTS = ['critical', 'moderate', 'minimal'] as const;
export type Impact = (typeof IMPACTS)[number];

/** How a first-response due time was computed: around the clock, in the desk's business hours, in the desk's hours plus an on-call rota's, or one business day. */
export const DUE_BASES = ['around-the-clock', 'business-hours', 'on-call', 'business-day'] as const;
export type DueBasis = (typeof DUE_BASES)[number];

/** A ticket's status, from opening to closing (see ticketLifecycle.ts for the rules). */
export const TICKET_STATUSES = ['new', 'assigned', 'waiting-customer', 'with-microsoft', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which someone still owes the customer something. */
export const OPEN_STATUS_LIST = ['new', 'assigned', 'waiting-customer', 'with-microsoft'] as const satisfies readonly TicketStatus[];

/** Who changed a ticket: the customer, a partner agent, the partner's PSA (an API key), the bot itself, or the clock. */
export const ACTOR_KINDS = ['customer', 'agent', 'psa', 'bot', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Actor {
    kind: ActorKind;
    /** The agent's Entra object id, the API key's name, the customer's channel id. */
    id?: string;
    /** A display name (agents, API keys). */
    name?: string;
}
