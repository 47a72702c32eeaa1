import { TurnContext, type ConversationReference } from 'botbuilder';
import type { RenderedCard } from '../../cards';
import type { ActionAudience } from './agentActionRepository';
import type { HandoffContext } from './handoffContext';
import type { Handoff } from './handoffTypes';
import { requestCard, type IssueAction } from './agentViews';

/** Where the agents' channel is saved (when an admin installs the app in the agents' team, or types "use this channel"). */
export const AGENTS_CHANNEL_SETTING = 'agentsChannel';

/**
 * Where agents hear about waiting customers and new tickets: the agents' Teams channel
 * (configured, or saved when the bot joined the team), else each agent's 1:1 chat. Cards sent
 * there carry buttons bound to that audience.
 */
export class AgentsChannel {
    constructor(private readonly ctx: HandoffContext) {}

    /** The agents' channel, if there is one. */
    async reference(): Promise<Partial<ConversationReference> | undefined> {
        const configured = this.ctx.options.agentsChannel;
        if (configured) {
            return {
                channelId: 'msteams',
                serviceUrl: configured.serviceUrl,
                conversation: { id: configured.conversationId, isGroup: true, conversationType: 'channel', tenantId: configured.tenantId, name: '' },
            };
        }
        const saved = await this.ctx.settings.get(AGENTS_CHANNEL_SETTING);
        return saved ? (JSON.parse(saved) as Partial<ConversationReference>) : undefined;
    }

    /** Makes the conversation of this turn the agents' channel. */
    async useThis(context: TurnContext): Promise<void> {
        await this.ctx.settings.set(AGENTS_CHANNEL_SETTING, JSON.stringify(TurnContext.getConversationReference(context.activity)), this.ctx.now().toJSDate());
    }

    /** True when someone would hear of a waiting customer: a channel, or at least one agent. */
    async reachesSomeone(): Promise<boolean> {
        return (await this.reference()) !== undefined || (await this.ctx.agents.list()).length > 0;
    }

    /** Binds a card's buttons to actions the bot stores for this audience (see AgentActionRepository). */
    issuer(audience: ActionAudience): IssueAction {
        return (intent) => this.ctx.actions.issue(intent, audience, this.ctx.now().toJSDate());
    }

    /** The audience of cards posted in the agents' channel. */
    audienceOf(channel: Partial<ConversationReference>): ActionAudience {
        return { channel: channel.conversation?.id ?? '' };
    }

    /** Sends the request card to the agents' channel (saving its id to update it in place), else to each agent's chat. */
    async announceWaiting(handoff: Handoff): Promise<void> {
        const channel = await this.reference();
        try {
            if (channel) {
                const card = await requestCard(this.ctx, handoff, 'waiting', this.issuer(this.audienceOf(channel)));
                const id = await this.ctx.messenger.send(channel, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                if (id) await this.ctx.handoffs.setNotice(handoff.id, id);
                return;
            }
            await this.toAgentChats((issue) => requestCard(this.ctx, handoff, 'waiting', issue));
        } catch (error) {
            this.ctx.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not notify the agents; the customer stays in the queue');
        }
    }

    /** Updates the request card in the agents' channel to the row's current state. */
    async refreshWaiting(handoff: Handoff): Promise<void> {
        const channel = await this.reference();
        const current = await this.ctx.handoffs.byId(handoff.id);
        if (!channel || !current?.noticeActivityId) return;
        try {
            const card = await requestCard(this.ctx, current, current.state, this.issuer(this.audienceOf(channel)));
            await this.ctx.messenger.update(channel, current.noticeActivityId, { attachments: [card.attachment] });
        } catch (error) {
            this.ctx.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not update the request card');
        }
    }

    /** Sends a card to each agent's 1:1 chat with the bot (where there is no agents' channel), its buttons issued to that agent. */
    async toAgentChats(render: (issue: IssueAction) => Promise<RenderedCard>): Promise<{ agents: number; sent: number }> {
        const agents = await this.ctx.agents.list();
        let sent = 0;
        for (const agent of agents) {
            const chat = await this.ctx.agents.chatOf(agent.aadObjectId);
            if (!chat) continue;
            const card = await render(this.issuer({ agent: agent.aadObjectId }));
            await this.ctx.messenger.send(chat, [{ type: 'message', attachments: [card.attachment] }], 'skip');
            sent++;
        }
        return { agents: agents.length, sent };
    }
}
