import type { TurnContext } from 'botbuilder';
import { inDeskLanguage } from '../../i18n/i18n';
import { languageFromLocale } from '../../i18n/language';
import { commandOfAction, parseAgentCommand, type AgentCommand } from '../agentCommands';
import type { AgentIdentity } from '../agentDirectory';
import { acceptCommand } from './acceptCommand';
import { deliveriesCommand } from './deliveriesCommand';
import { availabilityCommand, cannedCommand, chatsCommand, switchCommand, teamCommand, transferCommand } from './chatsCommands';
import { chatOf, isPersonal, rememberChat, t, type Desk } from './desk';
import { endCommand } from './endCommand';
import { escalateCommand } from './escalateCommand';
import { manageAgentsCommand } from './manageAgentsCommand';
import { noteCommand } from './noteCommand';
import { queueCommand } from './queueCommand';
import { takeOverCommand } from './takeOverCommand';
import { ticketCommand, ticketsCommand } from './ticketCommands';
import { transcriptCommand } from './transcriptCommand';
import { addedToTeam, useChannelCommand } from './useChannelCommand';

/**
 * The partner's agents in Teams: typed commands and the buttons of the bot's cards, relay to
 * the connected customer, and the desk's set-up. Only activities AgentDirectory vouches for
 * reach this class.
 */
export class AgentDesk {
    constructor(private readonly desk: Desk) {}

    /** Handles one message from an agent, in their Teams language where the desk has a catalogue for it. */
    onMessage(context: TurnContext, agent: AgentIdentity): Promise<void> {
        return inDeskLanguage(languageFromLocale(context.activity.locale) ?? 'en', () => this.handle(context, agent));
    }

    private async handle(context: TurnContext, agent: AgentIdentity): Promise<void> {
        const personal = isPersonal(context);
        if (personal) await rememberChat(this.desk, context, agent);
        const { value } = context.activity;
        if (value !== undefined && value !== null) return this.pressed(context, agent);
        const command = parseAgentCommand(context.activity.text ?? '');
        if (command) return this.run(context, agent, command);
        const connected = personal ? await chatOf(this.desk, agent) : undefined;
        if (connected) return this.desk.relay.fromAgent(context, agent, connected);
        await context.sendActivity(personal ? `${t('notConnected')}\n\n${this.help()}` : this.help());
    }

    /** The live chat the agent's messages go to now, if any. */
    chatOf(agent: AgentIdentity): ReturnType<typeof chatOf> {
        return chatOf(this.desk, agent);
    }

    /** The bot was installed in a team of the partner's tenant. */
    onAddedToTeam(context: TurnContext, agent: AgentIdentity | undefined): Promise<void> {
        return addedToTeam(this.desk, context, agent);
    }

    /**
     * A button press: honoured only when the bot issued that button to this agent or to the
     * channel it was pressed in. Anything else (a forged or relayed card, a button of another
     * agent's card) is refused and never relayed to a customer.
     */
    private async pressed(context: TurnContext, agent: AgentIdentity): Promise<void> {
        const intent = await this.desk.ctx.actions.redeem(context.activity.value, context.activity.conversation?.id, agent.aadObjectId);
        const command = intent ? commandOfAction(intent) : undefined;
        if (command) return this.run(context, agent, command);
        this.desk.ctx.logger.warn({ agent: agent.aadObjectId }, 'agent desk: a button the bot did not issue to this agent was refused');
        await context.sendActivity(t('buttonRefused'));
    }

    private help(): string {
        return t('help', { max: this.desk.ctx.options.maxChatsPerAgent });
    }

    private async run(context: TurnContext, agent: AgentIdentity, command: AgentCommand): Promise<void> {
        const { desk } = this;
        switch (command.kind) {
            case 'queue':
                return queueCommand(desk, context, agent);
            case 'accept':
                return acceptCommand(desk, context, agent, command.handoff);
            case 'end':
                return endCommand(desk, context, agent, command.handoff);
            case 'transcript':
                return transcriptCommand(desk, context, agent, command.handoff);
            case 'note':
                return noteCommand(desk, context, agent, command.text);
            case 'escalate':
                return escalateCommand(desk, context, agent, command.handoff, command.ticket);
            case 'takeover':
                return takeOverCommand(desk, context, agent, command.ticket);
            case 'help':
                return void (await context.sendActivity(this.help()));
            case 'availability':
                return availabilityCommand(desk, context, agent, command.availability);
            case 'chats':
                return chatsCommand(desk, context, agent);
            case 'switch':
                return switchCommand(desk, context, agent, command.handoff);
            case 'team':
                return teamCommand(desk, context);
            case 'transfer':
                return transferCommand(desk, context, agent, command.handoff, command.to, command.note);
            case 'canned':
                return cannedCommand(desk, context, agent, command.name);
            case 'failed':
            case 'retry':
                return deliveriesCommand(desk, context, command);
            case 'use-channel':
                return useChannelCommand(desk, context, agent);
            case 'tickets':
                return ticketsCommand(desk, context, agent, command.mine);
            case 'assign':
            case 'unassign':
            case 'reply':
            case 'waiting':
            case 'resolve':
            case 'reopen':
            case 'close':
            case 'microsoft':
            case 'show':
                return ticketCommand(desk, context, agent, command);
            default:
                return manageAgentsCommand(desk, context, agent, command);
        }
    }
}
