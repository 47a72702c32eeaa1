import { TurnContext, type Attachment, type ConversationReference } from 'botbuilder';
import { deskTranslator, type Translate } from '../../i18n/i18n';
import type { DeadMessage } from '../../outbox/outboxRepository';
import type { ActionAudience } from '../agentActionRepository';
import type { AgentIdentity } from '../agentDirectory';
import type { AgentsChannel } from '../agentsChannel';
import type { IssueAction } from '../agentViews';
import type { CustomerQueue } from '../customerQueue';
import type { HandoffContext } from '../handoffContext';
import type { Handoff } from '../handoffTypes';
import type { Rating } from '../rating';
import type { Relay } from '../relay';

/** Escalation to Microsoft for a ticket, when configured (Partner Center): what to tell the agent, and whether a request was queued. */
export type EscalateToMicrosoft = (ticketId: number, agent: AgentIdentity) => Promise<{ text: string; queued: boolean }>;

/** Outbox deliveries that kept failing (dead), for agents to see and send again. */
export interface FailedDeliveries {
    list(): Promise<DeadMessage[]>;
    retry(id: number): Promise<boolean>;
}

/** What the desk's commands work with. */
export interface Desk {
    ctx: HandoffContext;
    channel: AgentsChannel;
    queue: CustomerQueue;
    relay: Relay;
    rating: Rating;
    escalate?: EscalateToMicrosoft;
    failed?: FailedDeliveries;
}

/** The desk's words, in the language of the agent whose turn runs (see inDeskLanguage). */
export const t: Translate = deskTranslator();

/** True in an agent's 1:1 chat with the bot (not the agents' channel). */
export function isPersonal(context: TurnContext): boolean {
    return context.activity.conversation?.conversationType === 'personal';
}

/** Who may press the buttons of a card sent as a reply here: this agent in a 1:1 chat, else the channel. */
export function issuerFor(desk: Desk, context: TurnContext, agent: AgentIdentity): IssueAction {
    const audience: ActionAudience = isPersonal(context) ? { agent: agent.aadObjectId } : { channel: context.activity.conversation.id };
    return desk.channel.issuer(audience);
}

/** Sends a card as the reply. */
export async function replyCard(context: TurnContext, card: { attachment: Attachment }): Promise<void> {
    await context.sendActivity({ type: 'message', attachments: [card.attachment] });
}

/** The agent's 1:1 chat with the bot: the saved one, or one the bot opens now. */
export async function agentChat(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<Partial<ConversationReference> | undefined> {
    const saved = await desk.ctx.agents.chatOf(agent.aadObjectId);
    if (saved) return saved;
    const opened = await desk.ctx.messenger.openTeamsChat(context);
    if (opened) await desk.ctx.agents.saveChat(agent, opened, desk.ctx.now().toJSDate());
    return opened;
}

/**
 * The live chat an agent means: #id when they name one of theirs, else the one their
 * messages go to now (their focus; the latest accepted when the focus ended).
 */
export async function chatOf(desk: Desk, agent: AgentIdentity, id?: number): Promise<Handoff | undefined> {
    const chats = await desk.ctx.handoffs.chatsWith(agent.aadObjectId);
    if (id !== undefined) return chats.find((h) => h.id === id);
    const focus = (await desk.ctx.agents.presenceOf(agent.aadObjectId))?.focusHandoffId;
    return chats.find((h) => h.id === focus) ?? chats.at(-1);
}

/** Remembers the agent's 1:1 chat (refreshed on each of their turns there: serviceUrl can change). */
export async function rememberChat(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<void> {
    await desk.ctx.agents.saveChat(agent, TurnContext.getConversationReference(context.activity), desk.ctx.now().toJSDate());
}
