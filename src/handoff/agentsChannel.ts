import { TurnContext, type ConversationReference } from 'botbuilder';
import type { RenderedCard } from '../../cards';
import type { ActionAudience } from './agentActionRepository';
import type { HandoffContext } from './handoffContext';
import type { Handoff } from './handoffTypes';
import { at, requestCard, type IssueAction } from './agentViews';
import { deskTranslator, inDeskLanguage } from '../i18n/i18n';

const t = deskTranslator();

/** Offers remembered so one customer is offered to one agent once (bounded). */
const MAX_OFFERS_REMEMBERED = 10_000;

/** Where the agents' channel is saved (when an admin installs the app in the agents' team, or types "use this channel"). */
export const AGENTS_CHANNEL_SETTING = 'agentsChannel';

/**
 * Where agents hear about waiting customers and new tickets: the agents' Teams channel
 * (configured, or saved when the bot joined the team), else each agent's 1:1 chat. Cards sent
 * there carry buttons bound to that audience.
 */
export class AgentsChannel {
    private readonly offered = new Set<string>();

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

    /**
     * True when a person could answer a waiting customer: at least one agent is available (not
     * away or offline); with no agents listed at all, an agents' channel whose members answer.
     */
    async reachesSomeone(): Promise<boolean> {
        const roster = await this.ctx.agents.roster();
        if (roster.length === 0) return (await this.reference()) !== undefined;
        return roster.some((a) => a.availability === 'available');
    }

    /** The available agent with the fewest live chats and room for one more (and a chat with the bot), longest available first. */
    async nextAgent(except?: string): Promise<{ aadObjectId: string; name: string; chats: number } | undefined> {
        const counts = await this.ctx.handoffs.liveCounts();
        const candidates = (await this.ctx.agents.roster())
            .filter((a) => a.availability === 'available' && a.hasChat && a.aadObjectId !== except)
            .map((a) => ({ aadObjectId: a.aadObjectId, name: a.name, chats: counts.get(a.aadObjectId) ?? 0, since: a.availabilityAt ?? '' }))
            .filter((a) => a.chats < this.ctx.options.maxChatsPerAgent)
            .sort((a, b) => a.chats - b.chats || a.since.localeCompare(b.since) || a.aadObjectId.localeCompare(b.aadObjectId));
        const [first] = candidates;
        return first && { aadObjectId: first.aadObjectId, name: first.name, chats: first.chats };
    }

    /**
     * The queue goes to the available agent with the fewest live chats: the oldest waiting
     * customer not yet offered to them is offered in their 1:1 chat, with an Accept button.
     * Anyone may still accept from the agents' channel; of two, the database lets one win.
     */
    offerNext(except?: string): Promise<void> {
        return inDeskLanguage('en', () => this.offer(except));
    }

    private async offer(except?: string): Promise<void> {
        try {
            const agent = await this.nextAgent(except);
            if (!agent) return;
            const next = (await this.ctx.handoffs.waiting(20)).find((h) => h.hub === 'builtin' && !this.offered.has(`${h.id}/${agent.aadObjectId}`));
            const chat = next && (await this.ctx.agents.chatOf(agent.aadObjectId));
            if (!next || !chat) return;
            if (this.offered.size >= MAX_OFFERS_REMEMBERED) this.offered.clear();
            this.offered.add(`${next.id}/${agent.aadObjectId}`);
            const card = await requestCard(this.ctx, next, 'waiting', this.issuer({ agent: agent.aadObjectId }));
            const since = at(next.enqueuedAt, this.ctx.partner.hours.timeZone);
            await this.ctx.messenger.send(chat, [{ type: 'message', text: t('offer.next', { customer: next.customerName ?? t('someone.aCustomer'), id: next.id, since }) }, { type: 'message', attachments: [card.attachment] }], 'skip');
        } catch (error) {
            this.ctx.logger.warn({ err: { message: (error as Error).message } }, 'could not offer the next waiting customer to an agent');
        }
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
    announceWaiting(handoff: Handoff): Promise<void> {
        return inDeskLanguage('en', () => this.announce(handoff));
    }

    private async announce(handoff: Handoff): Promise<void> {
        const channel = await this.reference();
        try {
            if (channel) {
                const card = await requestCard(this.ctx, handoff, 'waiting', this.issuer(this.audienceOf(channel)));
                const id = await this.ctx.messenger.send(channel, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                if (id) await this.ctx.handoffs.setNotice(handoff.id, id);
                await this.offerNext();
                return;
            }
            // Without a channel: the agent next in line gets it first, then every other available agent.
            const first = await this.nextAgent();
            if (first) await this.offerNext();
            await this.toAgentChats((issue) => requestCard(this.ctx, handoff, 'waiting', issue), { availableOnly: true, except: first?.aadObjectId });
        } catch (error) {
            this.ctx.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not notify the agents; the customer stays in the queue');
        }
    }

    /** Updates the request card in the agents' channel to the row's current state. */
    refreshWaiting(handoff: Handoff): Promise<void> {
        return inDeskLanguage('en', () => this.refresh(handoff));
    }

    private async refresh(handoff: Handoff): Promise<void> {
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
    async toAgentChats(render: (issue: IssueAction) => Promise<RenderedCard>, only: { availableOnly?: boolean; except?: string } = {}): Promise<{ agents: number; sent: number }> {
        const agents = (await this.ctx.agents.roster()).filter((a) => (!only.availableOnly || a.availability === 'available') && a.aadObjectId !== only.except);
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
