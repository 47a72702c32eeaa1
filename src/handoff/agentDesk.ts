import { TurnContext, type Activity, type Attachment, type ConversationReference } from 'botbuilder';
import { translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import type { DeadMessage } from '../outbox/outboxRepository';
import type { AgentIdentity } from './agentDirectory';
import type { ActionAudience } from './agentActionRepository';
import { commandOfAction, parseAgentCommand, type AgentCommand } from './agentCommands';
import { conversationCard, queueCard, type IssueAction } from './agentViews';
import type { HandoffRow } from './handoffStore';
import { AGENTS_CHANNEL_SETTING, type HandoffService } from './handoffService';

/** Files shared in Teams arrive as download info; customers' channels need a plain link attachment. */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Escalation to Microsoft for a ticket, when configured (Partner Center); returns what to tell the agent. */
export type EscalateToMicrosoft = (ticketId: number, agent: AgentIdentity) => Promise<string>;

/** Outbox deliveries that kept failing (dead), for agents to see and send again. */
export interface FailedDeliveries {
    list(): Promise<DeadMessage[]>;
    retry(id: number): Promise<boolean>;
}

const HELP = [
    '**Agent commands** (type them in a chat with me):',
    '- **queue**: customers waiting, oldest first',
    '- **accept** [#id]: take the oldest waiting customer, or #id',
    '- **end**: hand the customer back to the bot (they are asked to rate the help)',
    '- **transcript** [#id]: the conversation so far',
    '- **note** text: add a note to the ticket',
    '- **escalate**: file the ticket with Microsoft (Partner Center)',
    '- **failed**: deliveries (webhooks, Microsoft requests, notices) that kept failing; **retry** #id sends one again',
    'While you are connected, everything else you write in our 1:1 chat, files included, goes to the customer.',
    'Admins: **agents**, **agents add** <Entra object id> [name], **agents remove** <id>, **use this channel** (in the agents\' channel).',
].join('\n');

/**
 * The partner's agents in Teams: the queue, accept (atomic: one winner), relay to the
 * customer, end, transcript, notes and agent management for admins. Only activities that
 * AgentDirectory vouches for reach this class.
 */
export class AgentDesk {
    constructor(
        private readonly handoff: HandoffService,
        private readonly escalate?: EscalateToMicrosoft,
        private readonly failed?: FailedDeliveries,
    ) {}

    private get deps() {
        return this.handoff.deps;
    }

    /** Handles one message from an agent. */
    async onMessage(context: TurnContext, agent: AgentIdentity): Promise<void> {
        const personal = context.activity.conversation?.conversationType === 'personal';
        if (personal) await this.deps.agents.saveChat(agent, TurnContext.getConversationReference(context.activity), this.deps.now().toJSDate());
        const { value } = context.activity;
        if (value !== undefined && value !== null) return this.pressed(context, agent, personal);
        const command = parseAgentCommand(context.activity.text ?? '');
        if (command) return this.run(context, agent, command, personal);
        const connected = personal ? await this.deps.store.withAgent(agent.aadObjectId) : undefined;
        if (connected) return this.relayToCustomer(context, agent, connected);
        await context.sendActivity(personal ? `You're not connected to a customer.\n\n${HELP}` : HELP);
    }

    /**
     * A button press: honoured only when the bot issued that button to this agent or to the
     * channel it was pressed in. Anything else (a forged or relayed card, a button of another
     * agent's card) is refused and never relayed to a customer.
     */
    private async pressed(context: TurnContext, agent: AgentIdentity, personal: boolean): Promise<void> {
        const intent = await this.deps.actions.redeem(context.activity.value, context.activity.conversation?.id, agent.aadObjectId);
        const command = intent ? commandOfAction(intent) : undefined;
        if (command) return this.run(context, agent, command, personal);
        this.deps.logger.warn({ agent: agent.aadObjectId }, 'agent desk: a button the bot did not issue to this agent was refused');
        await context.sendActivity("I can't act on that button: it isn't one I gave you. Type **help** to see the commands.");
    }

    /** Who may press the buttons of a card sent as a reply here: this agent in a 1:1 chat, else the channel. */
    private issuerFor(context: TurnContext, agent: AgentIdentity): IssueAction {
        const personal = context.activity.conversation?.conversationType === 'personal';
        const audience: ActionAudience = personal ? { agent: agent.aadObjectId } : { channel: context.activity.conversation.id };
        return this.handoff.issuer(audience);
    }

    /** Saves the agents' channel when an admin adds the bot to a team of the partner's tenant. */
    async onAddedToTeam(context: TurnContext, agent: AgentIdentity | undefined): Promise<void> {
        if (!agent?.admin) {
            await context.sendActivity("Hello! An admin can type **use this channel** here to receive customers who are waiting for an agent.");
            return;
        }
        if (await this.handoff.agentsChannel()) return;
        await this.useChannel(context);
    }

    private async run(context: TurnContext, agent: AgentIdentity, command: AgentCommand, personal: boolean): Promise<void> {
        switch (command.kind) {
            case 'queue':
                await this.reply(context, await queueCard(this.handoff, await this.deps.store.waiting(50), this.issuerFor(context, agent)));
                return;
            case 'accept':
                return this.accept(context, agent, command.handoff);
            case 'end':
                return this.end(context, agent);
            case 'transcript':
                return this.transcript(context, agent, command.handoff);
            case 'note':
                return this.note(context, agent, command.text);
            case 'escalate':
                return this.escalateTicket(context, agent, command.handoff, command.ticket);
            case 'takeover':
                return this.takeOver(context, agent, command.ticket);
            case 'help':
                await context.sendActivity(HELP);
                return;
            case 'failed':
            case 'retry':
                return this.deliveries(context, command);
            case 'use-channel':
                if (!agent.admin) return this.adminsOnly(context);
                if (personal) {
                    await context.sendActivity('Type this in the Teams channel where agents should see waiting customers.');
                    return;
                }
                return this.useChannel(context);
            default:
                return this.manageAgents(context, agent, command);
        }
    }

    private async accept(context: TurnContext, agent: AgentIdentity, id: number | undefined): Promise<void> {
        const busy = await this.deps.store.withAgent(agent.aadObjectId);
        if (busy) {
            await context.sendActivity(`You're still with ${busy.customer_name ?? 'a customer'} (#${busy.id}). Type **end** first.`);
            return;
        }
        const target = id ? await this.deps.store.byId(id) : (await this.deps.store.waiting(1))[0];
        if (!target) {
            await context.sendActivity('Nobody is waiting.');
            return;
        }
        const chat = await this.agentChat(context, agent);
        if (!chat) {
            await context.sendActivity("I can't open a 1:1 chat with you. Open a chat with me in Teams (say hi), then accept again.");
            return;
        }
        const claim = await this.deps.store.claim(target.id, agent, this.deps.now().toJSDate());
        if (!claim.won) {
            await context.sendActivity(this.lostReason(claim.handoff ?? target));
            if (claim.handoff) await this.handoff.refreshNotice(claim.handoff);
            return;
        }
        const handoff = claim.handoff;
        const language = handoff.language as Language;
        await this.handoff.toCustomer(handoff, [{ type: 'message', text: translator(language)('handoff.joined', { agent: agent.name, partner: this.deps.partner.name }) }], null);
        const entries = await this.deps.transcript.recent(handoff.conversation_id, 30);
        const card = await conversationCard(this.handoff, handoff, `You're now chatting with ${handoff.customer_name ?? 'the customer'} (#${handoff.id})`, entries, true, this.handoff.issuer({ agent: agent.aadObjectId }));
        await this.deps.messenger.send(chat, [{ type: 'message', text: 'Everything you write in this chat now goes to the customer. Type **end** to hand back to the bot.' }, { type: 'message', attachments: [card.attachment] }], 'skip');
        if (handoff.ticket_id) await this.deps.tickets.addEvent(handoff.ticket_id, 'handoff.accepted', { handoff: handoff.id, agent: agent.aadObjectId }, this.deps.now().toJSDate());
        await this.handoff.refreshNotice(handoff);
        if (context.activity.conversation?.conversationType !== 'personal') await context.sendActivity(`${agent.name} took #${handoff.id}; the chat continues in their 1:1 chat with me.`);
    }

    private async end(context: TurnContext, agent: AgentIdentity): Promise<void> {
        const handoff = await this.deps.store.withAgent(agent.aadObjectId);
        if (!handoff) {
            await context.sendActivity("You're not connected to a customer.");
            return;
        }
        const now = this.deps.now().toJSDate();
        if (!(await this.deps.store.transition(handoff.id, 'agent', 'rating', { ended_at: now.toISOString(), ended_by: 'agent' }, now))) {
            await context.sendActivity('That conversation had already ended.');
            return;
        }
        const language = handoff.language as Language;
        const rating = this.handoff.ratingCard(handoff, language);
        await this.handoff.toCustomer(handoff, [{ type: 'message', text: translator(language)('handoff.agentLeft', { agent: agent.name }) }, { type: 'message', attachments: [rating.attachment] }], null);
        await context.sendActivity(`Ended #${handoff.id}; ${handoff.customer_name ?? 'the customer'} is back with the bot and has been asked to rate your help.`);
        if (handoff.ticket_id) await this.deps.tickets.addEvent(handoff.ticket_id, 'handoff.ended', { handoff: handoff.id, by: 'agent', agent: agent.aadObjectId }, now);
        await this.handoff.refreshNotice(handoff);
    }

    private async transcript(context: TurnContext, agent: AgentIdentity, id: number | undefined): Promise<void> {
        const handoff = id ? await this.deps.store.byId(id) : await this.deps.store.withAgent(agent.aadObjectId);
        if (!handoff) {
            await context.sendActivity(id ? `There is no takeover #${id}.` : 'Say which one: **transcript** #id.');
            return;
        }
        const entries = await this.deps.transcript.recent(handoff.conversation_id, 50);
        await this.reply(context, await conversationCard(this.handoff, handoff, `Transcript #${handoff.id}: ${handoff.customer_name ?? 'customer'}`, entries, false, this.issuerFor(context, agent)));
    }

    private async note(context: TurnContext, agent: AgentIdentity, text: string): Promise<void> {
        const handoff = await this.deps.store.withAgent(agent.aadObjectId);
        if (!handoff) {
            await context.sendActivity('Notes go on the ticket of the customer you are connected to; accept a customer first.');
            return;
        }
        const now = this.deps.now().toJSDate();
        await this.deps.transcript.append([{ conversation_id: handoff.conversation_id, role: 'note', author: agent.name, text, text_redacted: '[agent note]', attachments: null, created_at: now.toISOString() }]);
        if (handoff.ticket_id) await this.deps.tickets.addEvent(handoff.ticket_id, 'agent.note', { agent: agent.aadObjectId, name: agent.name, text }, now);
        await context.sendActivity(handoff.ticket_id ? 'Note added to the ticket.' : 'Note added to the conversation (there is no ticket yet).');
    }

    /** An agent starts a takeover from a ticket card: joins a waiting customer, or opens the chat with them. */
    private async takeOver(context: TurnContext, agent: AgentIdentity, ticketId: number): Promise<void> {
        const ticket = await this.deps.tickets.findById(ticketId);
        if (!ticket) {
            await context.sendActivity(`There is no ticket #${ticketId}.`);
            return;
        }
        const live = await this.deps.store.live(ticket.conversation_id);
        if (live?.state === 'waiting' && live.hub === 'builtin') return this.accept(context, agent, live.id);
        if (live) {
            await context.sendActivity(live.state === 'agent' ? `${ticket.number ?? 'The ticket'}'s customer is already with ${live.agent_name ?? 'an agent'}.` : 'That customer is just finishing a chat; try again in a moment.');
            return;
        }
        const reference = await this.deps.transcript.reference(ticket.conversation_id);
        if (!reference) {
            await context.sendActivity("I can't reach that customer's conversation any more; reply by e-mail instead.");
            return;
        }
        const { handoff } = await this.deps.store.enqueue(
            {
                conversationId: ticket.conversation_id,
                channelId: ticket.channel_id,
                hub: 'builtin',
                reason: 'agent-initiated',
                language: ticket.language,
                customerName: ticket.customer_name,
                customerOrganisation: ticket.customer_organisation,
                ticketId: ticket.id,
                summary: ticket.title,
                customerReference: reference,
            },
            this.deps.now().toJSDate(),
        );
        return this.accept(context, agent, handoff.id);
    }

    private async escalateTicket(context: TurnContext, agent: AgentIdentity, id: number | undefined, ticketId?: number): Promise<void> {
        const handoff = id ? await this.deps.store.byId(id) : ticketId ? undefined : await this.deps.store.withAgent(agent.aadObjectId);
        const target = ticketId ?? handoff?.ticket_id ?? undefined;
        if (!target) {
            await context.sendActivity('There is no ticket to escalate for that conversation.');
            return;
        }
        if (!this.escalate) {
            await context.sendActivity('Escalation to Microsoft is not configured (Partner Center credentials are missing).');
            return;
        }
        await context.sendActivity(await this.escalate(target, agent));
    }

    private async relayToCustomer(context: TurnContext, agent: AgentIdentity, handoff: HandoffRow): Promise<void> {
        const { activity } = context;
        const attachments = (activity.attachments ?? []).filter((a) => a.contentType !== 'text/html').map(toCustomerAttachment);
        const outgoing: Partial<Activity> = { type: 'message', text: activity.text ? `**${agent.name}:** ${activity.text}` : undefined, attachments, textFormat: 'markdown' };
        await this.handoff.toCustomer(handoff, [outgoing], agent.name);
    }

    private async agentChat(context: TurnContext, agent: AgentIdentity): Promise<Partial<ConversationReference> | undefined> {
        const saved = await this.deps.agents.chatOf(agent.aadObjectId);
        if (saved) return saved;
        const opened = await this.deps.messenger.openTeamsChat(context);
        if (opened) await this.deps.agents.saveChat(agent, opened, this.deps.now().toJSDate());
        return opened;
    }

    private lostReason(handoff: HandoffRow): string {
        if (handoff.state === 'agent' || handoff.state === 'rating' || handoff.accepted_at) return `#${handoff.id} was already taken by ${handoff.agent_name ?? 'another agent'}.`;
        if (handoff.hub === 'external') return `#${handoff.id} is handled by the external agent hub.`;
        return `#${handoff.id} is no longer waiting (${handoff.ended_by === 'customer' ? 'the customer left the queue' : 'it timed out and went back to the bot'}).`;
    }

    private async useChannel(context: TurnContext): Promise<void> {
        const reference = TurnContext.getConversationReference(context.activity);
        await this.deps.settings.set(AGENTS_CHANNEL_SETTING, JSON.stringify(reference), this.deps.now().toJSDate());
        await context.sendActivity('This channel now receives customers who are waiting for an agent. Type **queue** to see them.');
    }

    private async manageAgents(context: TurnContext, agent: AgentIdentity, command: AgentCommand): Promise<void> {
        if (!agent.admin) return this.adminsOnly(context);
        if (command.kind === 'agents-add') {
            await this.deps.agents.add(command.aadObjectId, command.name, agent.aadObjectId, this.deps.now().toJSDate());
            await context.sendActivity(`Added agent ${command.name ?? command.aadObjectId}.`);
        } else if (command.kind === 'agents-remove') {
            const removed = await this.deps.agents.remove(command.aadObjectId);
            await context.sendActivity(removed ? `Removed agent ${command.aadObjectId}.` : `${command.aadObjectId} was not added by command (agents from configuration are changed there).`);
        } else {
            const list = await this.deps.agents.list();
            await context.sendActivity(list.length ? list.map((a) => `- ${a.name ?? a.aadObjectId} (${a.source})`).join('\n') : 'No agents yet.');
        }
    }

    private async deliveries(context: TurnContext, command: Extract<AgentCommand, { kind: 'failed' | 'retry' }>): Promise<void> {
        if (!this.failed) {
            await context.sendActivity('There is no delivery outbox in this setup.');
            return;
        }
        if (command.kind === 'retry') {
            await context.sendActivity((await this.failed.retry(command.delivery)) ? `Delivery #${command.delivery} will be tried again.` : `Delivery #${command.delivery} is not a failed delivery.`);
            return;
        }
        const dead = await this.failed.list();
        const lines = dead.map((d) => `- #${d.id} ${d.kind}${d.ticketNumber ? ` for ${d.ticketNumber}` : ''}: ${d.attempts} attempts, last error: ${d.lastError ?? 'unknown'}`);
        await context.sendActivity(lines.length ? `**Failed deliveries** (type **retry** #id to send one again):\n${lines.join('\n')}` : 'No failed deliveries.');
    }

    private async adminsOnly(context: TurnContext): Promise<void> {
        await context.sendActivity('Only admins can do that.');
    }

    private async reply(context: TurnContext, card: { attachment: Attachment }): Promise<void> {
        await context.sendActivity({ type: 'message', attachments: [card.attachment] });
    }
}

/** An agent's attachment as the customer's channel can show it (Teams files become links). */
function toCustomerAttachment(attachment: Attachment): Attachment {
    if (attachment.contentType !== TEAMS_FILE) return attachment;
    const content = (attachment.content ?? {}) as { downloadUrl?: string; fileType?: string };
    return { contentType: content.fileType ? `application/${content.fileType}` : 'application/octet-stream', contentUrl: content.downloadUrl, name: attachment.name };
}
