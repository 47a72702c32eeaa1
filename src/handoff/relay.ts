import type { Activity, Attachment, ConversationReference, TurnContext } from 'botbuilder';
import { deskTranslator } from '../i18n/i18n';
import { customerContentForAgent } from './customerContent';
import type { HandoffContext } from './handoffContext';
import type { Handoff } from './handoffTypes';

const t = deskTranslator();

/** Messages between a customer and their agent, both ways, through the bot. */
export class Relay {
    constructor(private readonly ctx: HandoffContext) {}

    /** The customer's message into the agent's 1:1 chat: text and files, cards only as read-only text. */
    async toAgent(context: TurnContext, handoff: Handoff): Promise<void> {
        const chat = handoff.agentAadObjectId ? await this.ctx.agents.chatOf(handoff.agentAadObjectId) : undefined;
        if (!chat) {
            this.ctx.logger.warn({ handoff: handoff.id }, 'agent chat unknown; customer message kept in the transcript only');
            return;
        }
        const customer = handoff.customerName ?? t('someone.customer');
        const { notes, attachments } = customerContentForAgent(context.activity);
        const { text: said } = context.activity;
        const id = handoff.id;
        const opening = said ? t('customerSays', { customer, id, text: said }) : attachments.length ? t('customerSent', { customer, id, count: attachments.length }) : t('customerSaysNothing', { customer, id });
        // With several chats, a message from one the agent is not writing to says how to answer it.
        const focus = handoff.agentAadObjectId ? (await this.ctx.agents.presenceOf(handoff.agentAadObjectId))?.focusHandoffId : undefined;
        if (focus && focus !== id && (await this.ctx.handoffs.byId(focus))?.state === 'agent') notes.push(t('otherChat', { id, focus }));
        // Never a card from the customer, nor suggested actions: the bot posts this into the agent's chat.
        await this.ctx.messenger.send(chat, [{ type: 'message', text: [opening, ...notes].join('\n\n'), attachments, textFormat: 'markdown' }], 'skip');
    }

    /** Tells the customer's agent something (a 1:1 chat message), when they have a chat with the bot. */
    async tellAgent(handoff: Handoff, text: string): Promise<void> {
        const chat = handoff.agentAadObjectId ? await this.ctx.agents.chatOf(handoff.agentAadObjectId) : undefined;
        if (chat) await this.ctx.messenger.send(chat, [{ type: 'message', text }], 'skip');
    }

    /** The agent's message to the customer, files included (Teams files become links the customer's channel can open). */
    async fromAgent(context: TurnContext, agent: { name: string }, handoff: Handoff): Promise<void> {
        const { activity } = context;
        const attachments = (activity.attachments ?? []).filter((a) => a.contentType !== 'text/html').map(toCustomerAttachment);
        const outgoing: Partial<Activity> = { type: 'message', text: activity.text ? t('agentSays', { agent: agent.name, text: activity.text }) : undefined, attachments, textFormat: 'markdown' };
        await this.toCustomer(handoff, [outgoing], agent.name);
    }

    /** Sends the customer activities, on the agent's behalf when `author` is given (the transcript says so). */
    async toCustomer(handoff: Handoff, activities: Array<Partial<Activity>>, author: string | null): Promise<void> {
        const reference = JSON.parse(handoff.customerReference) as Partial<ConversationReference>;
        await this.ctx.messenger.send(reference, activities, author ? { role: 'agent', author } : { role: 'bot', author: null });
    }
}

/** Files shared in Teams arrive as download info; customers' channels need a plain link attachment. */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** An agent's attachment as the customer's channel can show it (Teams files become links). */
function toCustomerAttachment(attachment: Attachment): Attachment {
    if (attachment.contentType !== TEAMS_FILE) return attachment;
    const content = (attachment.content ?? {}) as { downloadUrl?: string; fileType?: string };
    return { contentType: content.fileType ? `application/${content.fileType}` : 'application/octet-stream', contentUrl: content.downloadUrl, name: attachment.name };
}
