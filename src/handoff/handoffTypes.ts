import type { CardSubmission } from '../../cards';
import type { Language } from '../policy/types';
import type { HandoffState } from '../store/schema';
import type { Ticket } from '../store/ticketRepository';
import type { CannedResponses } from './cannedResponses';

export type { HandoffState };

/** Why a person was brought in. */
export type HandoffReason = 'asked' | 'offer-accepted' | 'frustrated' | 'severity-a' | 'agent-initiated';

/** One takeover of a customer conversation by a person: queue, agent, rating, closed. */
export interface Handoff {
    id: number;
    conversationId: string;
    channelId: string;
    state: HandoffState;
    /** 'builtin' (our queue and Teams agents) or 'external' (a Direct Line agent hub). */
    hub: 'builtin' | 'external';
    reason: string;
    language: Language;
    customerName: string | null;
    customerOrganisation: string | null;
    ticketId: number | null;
    summary: string | null;
    /** The customer's conversation reference (JSON), refreshed on every customer turn. */
    customerReference: string;
    agentAadObjectId: string | null;
    agentName: string | null;
    /** The request card in the agents' channel, updated in place. */
    noticeActivityId: string | null;
    enqueuedAt: string;
    acceptedAt: string | null;
    endedAt: string | null;
    /** Who ended it: agent, customer, timeout, closed-hours, hub, hub-failed. */
    endedBy: string | null;
    closedAt: string | null;
    rating: number | null;
    updatedAt: string;
    /** What the agent who transferred the chat told the next one. */
    transferNote: string | null;
}

/** What the bot knows when a customer asks for a person. */
export interface StartRequest {
    reason: HandoffReason;
    language: Language;
    customerName?: string;
    organisation?: string;
    ticket?: Ticket;
    summary?: string;
}

/** What the customer's side did with a request for a person. */
export type StartResult = 'queued' | 'already' | 'hub' | 'out-of-hours' | 'no-agents';

/** What the bot should do with the customer's message after the takeover looked at it. */
export type CustomerTurnOutcome = 'handled' | 'continue' | 'continue-fresh' | 'resume';

/** A click the takeover may read (the rating card). */
export type HandoffSubmission = CardSubmission;

export interface HandoffOptions {
    /** Minutes a customer waits for an agent before the bot takes the conversation back. */
    waitTimeoutMinutes: number;
    /** Share (0-1) of a ticket's response window after which an unanswered ticket is at risk. */
    alertShare: number;
    /** Live chats one agent may hold at once. */
    maxChatsPerAgent: number;
    /** Canned responses agents insert with `/name`, per language. */
    cannedResponses: CannedResponses;
    /** Direct Line channels wired to an external agent hub (never msteams). */
    hubChannels: ReadonlySet<string>;
    /** The agents' Teams channel from configuration (else the one saved when the bot joined the team). */
    agentsChannel?: { conversationId: string; serviceUrl: string; tenantId?: string };
}
