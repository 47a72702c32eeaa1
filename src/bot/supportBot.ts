import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { DialogContext } from './dialogKit';
import type { Handoffs } from '../handoff/handoffs';
import type { BotServices } from './botServices';
import type { ConsistentTurn } from './consistentTurn';
import { createMessageTurn } from './messageTurn';
import { routeMessage } from './messageSteps';
import type { MessageStep } from './steps/messageStep';
import { languageOf, translate } from './turnHelpers';
import { showUnseenNotices } from './ticketNotices';
import { welcomeOnce } from './welcome';

/** Activity types the bot acts on (invoke only to refuse it: see onInvokeActivity). */
const HANDLED_TYPES = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke']);

export interface SupportBotParts {
    services: BotServices;
    /** The routing table for messages (see messageSteps). */
    steps: readonly MessageStep[];
    /** Reads, runs and saves each turn consistently across instances. */
    turns: ConsistentTurn;
    /** The conversation's dialog context, with the main dialog. */
    dialogContext: (context: TurnContext) => Promise<DialogContext>;
    /** Live takeover by the partner's agents; absent, customers are never handed to a person. */
    handoff?: Handoffs;
}

/**
 * The activity handler: event wiring only. Messages go through the routing table; new members
 * are welcomed once; the bot's installation in the agents' team sets up the desk; an agent
 * hub's `handoff.status` reaches the takeover. Every turn runs consistently (ConsistentTurn).
 */
export class SupportBot extends TeamsActivityHandler {
    constructor(private readonly parts: SupportBotParts) {
        super();
        const { services, handoff } = parts;
        this.onMessage(async (context, next) => {
            await routeMessage(createMessageTurn(context, services, parts.dialogContext), parts.steps);
            (await services.session.get(context, {})).lastTurnAt = services.now().toUTC().toISO() ?? undefined;
            await next();
        });
        this.onInstallationUpdateAdd(async (context, next) => {
            if (handoff?.isAgentsChannel(context.activity)) await handoff.onInstalledInAgentsTeam(context);
            else await welcomeOnce(context, services, { ask: true });
            await next();
        });
        this.onMembersAdded(async (context, next) => {
            const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
            if (joined && !handoff?.isAgentsChannel(context.activity)) {
                await welcomeOnce(context, services, { ask: true });
                // A returning visitor sees what happened to their tickets while they were away.
                await showUnseenNotices(context, services);
            }
            await next();
        });
        this.onEvent(async (context, next) => {
            if (context.activity.name === 'handoff.status') await handoff?.hubStatus(context, await languageOf(context, services));
            await next();
        });
    }

    override async run(context: TurnContext): Promise<void> {
        // Other activity types (typing outside a live chat, reactions, edits, deletions, end of conversation, events
        // other than an agent hub's handoff.status) are acknowledged and ignored, never handed to
        // the SDK's parsers for features the bot lacks.
        const { type, name } = context.activity;
        // Typing during a live chat goes across to the other side; it needs no conversation state.
        if (type === 'typing') return void (await this.parts.handoff?.relayTyping(context));
        if (!HANDLED_TYPES.has(type) && !(type === 'event' && name === 'handoff.status')) return;
        await this.parts.turns.run(
            context,
            () => super.run(context),
            () => this.tellBusy(context),
        );
    }

    /** The turn kept losing to other turns on this conversation: nothing was done, ask again. */
    private async tellBusy(context: TurnContext): Promise<void> {
        if (context.activity.type !== 'message') return;
        await context.sendActivity((await translate(context, this.parts.services))('error.busy'));
    }

    /**
     * The bot implements no invoke: its cards use Action.Submit, which arrives as a message, and
     * its Teams manifest declares no extension, task module or sign-in. Any invoke is refused
     * with 400 here rather than handed to the SDK's handlers for features the bot does not have
     * (which answer 501, or fail the turn on a malformed value).
     */
    protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
        return { status: 400, body: { error: 'this bot does not handle invoke activities' } };
    }
}
