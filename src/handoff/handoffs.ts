import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { CardSubmission } from '../../cards';
import type { Logger } from '../logger';
import type { OutboxHandler } from '../outbox/outboxTypes';
import type { Language } from '../policy/types';
import { TranscriptMiddleware } from '../transcript/transcriptMiddleware';
import type { AgentIdentity } from './agentDirectory';
import { createAgentAlertHandler, createAgentNoticeHandler } from './agentNotice';
import { createWeeklySummaryHandler } from './weeklySummaryNotice';
import type { AgentHub } from './agentHub';
import type { AgentsChannel } from './agentsChannel';
import type { CustomerQueue } from './customerQueue';
import type { CustomerSide } from './customerSide';
import type { Relay } from './relay';
import type { AgentDesk } from './desk/agentDesk';
import type { HandoffContext } from './handoffContext';
import type { CustomerTurnOutcome, Handoff, StartRequest, StartResult } from './handoffTypes';

/** The takeover's parts, as createHandoff wires them. */
export interface HandoffParts {
    ctx: HandoffContext;
    customers: CustomerSide;
    queue: CustomerQueue;
    hub: AgentHub;
    channel: AgentsChannel;
    desk: AgentDesk;
    relay: Relay;
}

/**
 * Live takeover by the partner's agents, as the rest of the bot sees it: who is an agent,
 * the agents' desk, the customer's side while a takeover is live, bringing in a person, the
 * agents' ticket notices, and the conversation transcript. Its dependencies stay private.
 */
/** Typing is relayed at most this often per chat and direction. */
const TYPING_EVERY_MS = 3000;

export class Handoffs {
    constructor(private readonly parts: HandoffParts) {}

    /** The agent behind this activity (Teams, partner tenant, listed), or undefined for everybody else. */
    agentOf(activity: Partial<Activity>): Promise<AgentIdentity | undefined> {
        return this.parts.ctx.agents.identify(activity);
    }

    /** Every current agent with availability and name (the desk tab's roster). */
    roster(): Promise<Array<{ aadObjectId: string; name: string; availability: string; hasChat: boolean }>> {
        return this.parts.ctx.agents.roster();
    }

    /**
     * 'admin' or 'agent' for a current agent's Entra object id (configured or added), else
     * undefined: for sign-ins the channel does not carry (the desk tab's verified token).
     */
    async agentRole(aadObjectId: string): Promise<'admin' | 'agent' | undefined> {
        const agent = (await this.parts.ctx.agents.list()).find((a) => a.aadObjectId === aadObjectId.toLowerCase());
        return agent === undefined ? undefined : agent.source === 'admin' ? 'admin' : 'agent';
    }

    /** True for a Teams channel of the partner's own tenant: the agents' side, never a customer conversation. */
    isAgentsChannel(activity: Partial<Activity>): boolean {
        return activity.conversation?.conversationType === 'channel' && this.parts.ctx.agents.fromPartnerTeams(activity);
    }

    /** A message from an agent: a command, a button, or words for their customer. */
    onAgentMessage(context: TurnContext, agent: AgentIdentity): Promise<void> {
        return this.parts.desk.onMessage(context, agent);
    }

    /** The bot was installed in a team of the partner's tenant (an admin's install sets the agents' channel). */
    async onInstalledInAgentsTeam(context: TurnContext): Promise<void> {
        await this.parts.desk.onAddedToTeam(context, await this.agentOf(context.activity));
    }

    /**
     * Typing while a chat is live goes across: the agent's to the customer their messages go
     * to, the customer's to their agent. At most one every few seconds per chat and direction
     * (Teams shows it for about three seconds).
     */
    async relayTyping(context: TurnContext): Promise<void> {
        const { ctx, desk } = this.parts;
        try {
            const agent = context.activity.conversation?.conversationType === 'personal' ? await this.agentOf(context.activity) : undefined;
            if (agent) {
                const handoff = await desk.chatOf(agent);
                if (handoff && this.typingDue(`a${handoff.id}`)) await this.parts.relay.toCustomer(handoff, [{ type: 'typing' }], null);
                return;
            }
            const live = await ctx.handoffs.live(context.activity.conversation?.id ?? '');
            if (live?.state !== 'agent' || !live.agentAadObjectId || !this.typingDue(`c${live.id}`)) return;
            const chat = await ctx.agents.chatOf(live.agentAadObjectId);
            if (chat) await ctx.messenger.send(chat, [{ type: 'typing' }], 'skip');
        } catch (error) {
            ctx.logger.debug({ err: { message: (error as Error).message } }, 'typing not relayed');
        }
    }

    private readonly lastTyping = new Map<string, number>();

    private typingDue(key: string): boolean {
        const now = Date.now();
        if (now - (this.lastTyping.get(key) ?? 0) < TYPING_EVERY_MS) return false;
        if (this.lastTyping.size > 5000) this.lastTyping.clear();
        this.lastTyping.set(key, now);
        return true;
    }

    /** The conversation's live takeover (waiting, with an agent, or awaiting a rating), if any. */
    liveIn(conversationId: string): Promise<Handoff | undefined> {
        return this.parts.ctx.handoffs.live(conversationId);
    }

    /** A customer's message while their takeover is live. */
    customerTurn(context: TurnContext, live: Handoff, submission: CardSubmission | undefined, language: Language): Promise<CustomerTurnOutcome> {
        return this.parts.customers.turn(context, live, submission, language);
    }

    /** True when a person could be brought in for a customer on this channel right now. */
    canStart(channelId: string): Promise<boolean> {
        return this.parts.customers.canStart(channelId);
    }

    /** Puts the customer in touch with a person (queue or agent hub) and tells them so. */
    start(context: TurnContext, request: StartRequest): Promise<StartResult> {
        return this.parts.customers.start(context, request);
    }

    /** An external agent hub reports how a handoff went (`handoff.status` event). */
    async hubStatus(context: TurnContext, language: Language): Promise<void> {
        const state = (context.activity.value as { state?: unknown } | undefined)?.state;
        const live = await this.liveIn(context.activity.conversation.id);
        if (live && typeof state === 'string') await this.parts.hub.status(context, live, state, language);
    }

    /** Times out waiting customers, empties the queue at closing time, forgets old card buttons; returns how many left the queue. */
    async sweep(): Promise<number> {
        await this.parts.ctx.actions.prune(this.parts.ctx.now().toJSDate());
        return this.parts.queue.sweep();
    }

    /** The outbox handler that posts tickets' cards to the agents (and keeps them current). */
    noticeHandler(): OutboxHandler {
        return createAgentNoticeHandler(this.parts.ctx, this.parts.channel);
    }

    /** The outbox handler that posts due-time alerts to the agents. */
    alertHandler(): OutboxHandler {
        return createAgentAlertHandler(this.parts.ctx, this.parts.channel);
    }

    /** The outbox handler that posts the weekly summary card to the agents. */
    weeklySummaryHandler(): OutboxHandler {
        return createWeeklySummaryHandler(this.parts.ctx, this.parts.channel);
    }

    /** Middleware that records customer conversations (with a redacted copy) for agents. */
    transcriptMiddleware(logger: Logger): Middleware {
        return new TranscriptMiddleware(this.parts.ctx.transcript, () => this.parts.ctx.now().toJSDate(), logger);
    }
}
