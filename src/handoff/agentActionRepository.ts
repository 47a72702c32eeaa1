import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/schema';

/** What a button on an agents' card does. */
export const AGENT_ACTIONS = ['accept', 'end', 'transcript', 'queue', 'escalate', 'takeover', 'assign', 'reply', 'waiting', 'resolve', 'reopen', 'available', 'away', 'offline', 'switch'] as const;
export type AgentActionKind = (typeof AGENT_ACTIONS)[number];

/** A button's meaning, as the bot issued it. */
export interface AgentActionIntent {
    action: AgentActionKind;
    handoff?: number;
    ticket?: number;
}

/** A pressed button: its stored intent, and what the agent typed in the card's text box (replies, questions, resolutions). */
export interface RedeemedAction extends AgentActionIntent {
    text?: string;
}

/**
 * Who may press a button: one agent (their 1:1 chat), or anyone the agents' channel lets in
 * (the bot still checks that the presser is an agent).
 */
export type ActionAudience = { agent: string } | { channel: string };

/** What agents' card buttons post back as `activity.value`: only the id of an action the bot issued. */
export const AgentActionSubmitSchema = z.object({ cspAgent: z.literal(1), id: z.string().regex(/^[A-Za-z0-9_-]{22}$/), text: z.string().max(4000).optional() });

/** Actions older than this are forgotten (a ticket notice's Take over stays usable that long). */
const KEEP_DAYS = 30;

/** A Teams channel's id without the thread part (`19:…@thread.tacv2;messageid=…`): clicks arrive on the card's thread. */
function channelOf(conversationId: string): string {
    return conversationId.split(';')[0] ?? conversationId;
}

function audienceKey(audience: ActionAudience): string {
    return 'agent' in audience ? `agent:${audience.agent.toLowerCase()}` : `channel:${channelOf(audience.channel)}`;
}

/**
 * The buttons on cards the bot sends to agents, kept server-side. A card carries only a random
 * id; pressing it does what the bot stored under that id, and only for the audience it was
 * issued to. So a card a customer made (relayed, forwarded or forged) can never act as an
 * agent, and a button issued to one agent cannot be pressed for another.
 */
export class AgentActionRepository {
    constructor(private readonly db: Kysely<Database>) {}

    /** Stores an action for an audience and returns the id its button carries. */
    async issue(intent: AgentActionIntent, audience: ActionAudience, now: Date): Promise<string> {
        const id = randomBytes(16).toString('base64url');
        await this.db
            .insertInto('agent_actions')
            .values({ id, action: intent.action, handoff_id: intent.handoff ?? null, ticket_id: intent.ticket ?? null, audience: audienceKey(audience), created_at: now.toISOString() })
            .execute();
        return id;
    }

    /**
     * The action behind a pressed button (`activity.value`), when the bot issued it to this
     * presser (the agent's Entra object id) or to the conversation the click came from.
     */
    async redeem(value: unknown, conversationId: string | undefined, agentObjectId: string): Promise<RedeemedAction | undefined> {
        const submit = AgentActionSubmitSchema.safeParse(value);
        if (!submit.success) return undefined;
        const row = await this.db.selectFrom('agent_actions').selectAll().where('id', '=', submit.data.id).executeTakeFirst();
        if (!row) return undefined;
        const allowed = [audienceKey({ agent: agentObjectId }), ...(conversationId ? [audienceKey({ channel: conversationId })] : [])];
        if (!allowed.includes(row.audience)) return undefined;
        const action = z.enum(AGENT_ACTIONS).safeParse(row.action);
        if (!action.success) return undefined;
        const text = submit.data.text?.trim();
        return { action: action.data, handoff: row.handoff_id ?? undefined, ticket: row.ticket_id ?? undefined, ...(text ? { text } : {}) };
    }

    /** Forgets actions issued more than KEEP_DAYS ago; returns how many. */
    async prune(now: Date): Promise<number> {
        const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
        const result = await this.db.deleteFrom('agent_actions').where('created_at', '<', before).executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
