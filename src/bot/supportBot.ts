import { setTimeout as sleep } from 'node:timers/promises';
import { TeamsActivityHandler, TurnContext, type BotState, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, type Dialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { translator } from '../i18n/i18n';
import { detectLanguageSwitch, languageFromLocale, resolveLanguage } from '../i18n/language';
import { parseCardSubmission } from '../../cards';
import type { BotServices } from './botServices';
import { languageOf, translate } from './turnHelpers';
import { renderWelcomeCard } from '../../cards';
import { sendCard } from './turnHelpers';
import { answerTicketStatus } from '../../dialogs/ticketStatusReply';
import { ETagConflictError } from '../store/sqlStorage';
import { HeldReplies } from './heldReplies';
import { TURN_LANGUAGE } from './turnErrorHandler';
import type { TurnStates } from './turnStates';
import { welcomeContent } from './welcomeContent';
import type { AgentDesk } from '../handoff/agentDesk';
import type { AgentDirectory } from '../handoff/agentDirectory';
import type { HandoffService } from '../handoff/handoffService';
import { SKIP_TRANSCRIPT } from '../handoff/messenger';

/** Activity types the bot acts on (invoke only to refuse it: see onInvokeActivity). */
const HANDLED_TYPES = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke']);

export interface SupportBotLimits {
    maxMessageChars: number;
    /** Attempts at a turn that keeps losing eTag races to other turns on its conversation. Default 3. */
    maxAttempts?: number;
}

/** The live-takeover parts the activity handler routes to. */
export interface HandoffParts {
    service: HandoffService;
    desk: AgentDesk;
    agents: AgentDirectory;
}

/**
 * The activity handler: welcomes new members once, screens each message (length, card
 * payloads, empty text) and hands the rest to the main dialog. Each turn reads its state,
 * runs with its replies held back, and saves the state only if no other turn on the same
 * conversation (on this or another instance) saved first; then the replies go out. A turn
 * that lost the race runs again on the fresh state; after `maxAttempts` the customer is
 * asked to send the message again.
 */
export class SupportBot extends TeamsActivityHandler {
    private readonly dialogState: StatePropertyAccessor<DialogState>;

    constructor(
        conversationState: BotState,
        private readonly states: TurnStates,
        private readonly mainDialog: Dialog,
        private readonly services: BotServices,
        private readonly limits: SupportBotLimits,
        private readonly handoff?: HandoffParts,
    ) {
        super();
        this.dialogState = conversationState.createProperty<DialogState>('DialogState');
        this.onMessage(async (context, next) => {
            await this.handleMessage(context);
            await next();
        });
        this.onInstallationUpdateAdd(async (context, next) => {
            if (this.isPartnerChannel(context)) await this.handoff?.desk.onAddedToTeam(context, await this.handoff.agents.identify(context.activity));
            else await this.welcomeOnce(context);
            await next();
        });
        this.onMembersAdded(async (context, next) => {
            const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
            if (joined && !this.isPartnerChannel(context)) await this.welcomeOnce(context);
            await next();
        });
        this.onEvent(async (context, next) => {
            await this.onHubStatus(context);
            await next();
        });
    }

    override async run(context: TurnContext): Promise<void> {
        // Other activity types (typing, reactions, edits, deletions, end of conversation, events
        // other than an agent hub's handoff.status) are acknowledged and ignored, never handed to
        // the SDK's parsers for features the bot lacks.
        const { type, name } = context.activity;
        if (!HANDLED_TYPES.has(type) && !(type === 'event' && name === 'handoff.status')) return;
        const replies = HeldReplies.of(context);
        const maxAttempts = this.limits.maxAttempts ?? 3;
        try {
            for (let attempt = 1; ; attempt++) {
                replies.hold();
                const loaded = await this.states.load(context);
                await super.run(context);
                try {
                    await this.states.commit(context, loaded);
                } catch (err) {
                    if (!(err instanceof ETagConflictError)) throw err;
                    replies.drop();
                    if (attempt >= maxAttempts) return await this.tellBusy(context);
                    // Spread the retries of turns that collided, so they do not collide again.
                    await sleep(10 + Math.floor(Math.random() * 40 * attempt));
                    continue;
                }
                return await replies.release();
            }
        } finally {
            // A failed attempt has said nothing; the error handler's apology goes straight out.
            replies.drop();
        }
    }

    /** The turn kept losing to other turns on this conversation: nothing was done, ask again. */
    private async tellBusy(context: TurnContext): Promise<void> {
        if (context.activity.type !== 'message') return;
        await context.sendActivity((await translate(context, this.services))('error.busy'));
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

    private async handleMessage(context: TurnContext): Promise<void> {
        const { activity } = context;
        if (activity.channelId === 'msteams') TurnContext.removeRecipientMention(activity);
        const agent = await this.handoff?.agents.identify(activity);
        if (agent && this.handoff) {
            context.turnState.set(SKIP_TRANSCRIPT, true);
            await this.handoff.desk.onMessage(context, agent);
            return;
        }
        if (this.isPartnerChannel(context)) {
            // The agents' channel: nobody there is a customer, and non-agents get no commands.
            context.turnState.set(SKIP_TRANSCRIPT, true);
            await context.sendActivity('This channel is for the support desk. Only the configured agents can use my commands here.');
            return;
        }
        const text = (activity.text ?? '').trim();
        const dialogs = new DialogSet(this.dialogState).add(this.mainDialog);
        const dc = await dialogs.createContext(context);
        if (await this.routeLiveHandoff(context, dc)) return;
        if (await this.settleLanguage(context, text, dc)) return;
        context.turnState.set(TURN_LANGUAGE, await languageOf(context, this.services));
        const t = await translate(context, this.services);
        if (text.length > this.limits.maxMessageChars) {
            await context.sendActivity(t('error.tooLong', { count: text.length, max: this.limits.maxMessageChars }));
            return;
        }
        const submission = parseCardSubmission(activity.value);
        if (submission === 'invalid') {
            await context.sendActivity(t('error.unknownCard'));
            return;
        }
        if (submission && !(await this.belongsToActiveIntake(context, submission.intake))) {
            const ticket = await this.services.tickets.findByIdempotencyKey(submission.intake);
            await context.sendActivity(ticket?.status === 'open' ? t('escalation.alreadyCreated', { number: ticket.number }) : t('error.oldCard'));
            return;
        }
        if (!submission && !text) {
            await context.sendActivity(t('error.empty'));
            return;
        }
        activity.text = text;
        if (!submission && (await answerTicketStatus(context, this.services))) {
            // A question on the side: the conversation goes on where it was.
            if (dc.activeDialog) await dc.repromptDialog();
            return;
        }
        if (!submission && (await this.frustrated(context, text))) return;
        const result = await dc.continueDialog();
        if (result.status === 'empty') await dc.beginDialog(this.mainDialog.id);
    }

    /**
     * While a takeover is live the customer's messages go to the queue, the agent or the rating;
     * true when that handled the turn. Leaving the queue resumes the dialog where it was.
     */
    private async routeLiveHandoff(context: TurnContext, dc: DialogContext): Promise<boolean> {
        if (!this.handoff) return false;
        const live = await this.handoff.service.deps.store.live(context.activity.conversation.id);
        if (!live) return false;
        const submission = parseCardSubmission(context.activity.value);
        const outcome = await this.handoff.service.customerTurn(context, live, submission === 'invalid' ? undefined : submission, await languageOf(context, this.services));
        if (outcome === 'handled') return true;
        if (outcome === 'resume') {
            if (dc.activeDialog) {
                await context.sendActivity((await translate(context, this.services))('handoff.resume'));
                await dc.repromptDialog();
            }
            return true;
        }
        if (outcome === 'continue-fresh') await dc.cancelAllDialogs();
        return false;
    }

    /**
     * Two negative messages in a row (Azure AI Language sentiment, when configured) bring in a
     * person when one is available; true when one is coming (the dialog waits meanwhile).
     */
    private async frustrated(context: TurnContext, text: string): Promise<boolean> {
        const languageService = this.services.languageService;
        if (!this.handoff || !languageService || text.length < 3) return false;
        const language = await languageOf(context, this.services);
        const sentiment = await languageService.sentiment(text, language);
        const session = await this.services.session.get(context, {});
        session.negativeStreak = sentiment?.label === 'negative' ? (session.negativeStreak ?? 0) + 1 : 0;
        if (session.negativeStreak < 2 || !(await this.handoff.service.canStart(context.activity.channelId))) return false;
        session.negativeStreak = 0;
        await context.sendActivity(translator(language)('handoff.frustrated'));
        const profile = await this.services.customerProfile.get(context, {});
        const result = await this.handoff.service.start(context, { reason: 'frustrated', language, customerName: profile.name ?? context.activity.from?.name, organisation: profile.organisation });
        return result === 'queued' || result === 'already' || result === 'hub';
    }

    /** An external agent hub reports how a handoff went (`handoff.status` event). */
    private async onHubStatus(context: TurnContext): Promise<void> {
        if (!this.handoff || context.activity.name !== 'handoff.status') return;
        const state = (context.activity.value as { state?: unknown } | undefined)?.state;
        const live = await this.handoff.service.deps.store.live(context.activity.conversation.id);
        if (live && typeof state === 'string') await this.handoff.service.hubStatus(context, live, state, await languageOf(context, this.services));
    }

    /** A Teams channel of the partner's own tenant: the agents' side, never a customer conversation. */
    private isPartnerChannel(context: TurnContext): boolean {
        return context.activity.conversation?.conversationType === 'channel' && this.handoff?.agents.fromPartnerTeams(context.activity) === true;
    }

    /**
     * Keeps the conversation's language: a request to switch ("en español") is answered in the
     * new language and the current question is asked again (returns true: the turn is done);
     * otherwise the language follows the locale, the language in use, or the message itself.
     */
    private async settleLanguage(context: TurnContext, text: string, dc: DialogContext): Promise<boolean> {
        const profile = await this.services.customerProfile.get(context, {});
        const switchTo = text.length <= 40 ? detectLanguageSwitch(text) : undefined;
        if (switchTo) {
            profile.language = switchTo;
            profile.languageChosen = true;
            await context.sendActivity(translator(switchTo)('language.switched'));
            if (dc.activeDialog) await dc.repromptDialog();
            else await context.sendActivity(translator(switchTo)('intake.askDescription'));
            return true;
        }
        if (profile.languageChosen) return false;
        const detect = !languageFromLocale(context.activity.locale) && !profile.language && text.length > 0;
        const detected = detect ? (await this.services.classifier.classify(text)).language : undefined;
        profile.language = resolveLanguage({ current: profile.language, locale: context.activity.locale, detected, minConfidence: this.services.minConfidence });
        return false;
    }

    /** True when a card click belongs to the intake this conversation is running now. */
    private async belongsToActiveIntake(context: TurnContext, intakeId: string): Promise<boolean> {
        const session = await this.services.session.get(context, {});
        const state = await this.dialogState.get(context, { dialogStack: [] });
        return session.intakeId === intakeId && state.dialogStack.length > 0;
    }

    private async welcomeOnce(context: TurnContext): Promise<void> {
        const session = await this.services.session.get(context, {});
        if (session.greeted) return;
        session.greeted = true;
        const profile = await this.services.customerProfile.get(context, {});
        if (!profile.languageChosen) profile.language = resolveLanguage({ current: profile.language, locale: context.activity.locale, minConfidence: this.services.minConfidence });
        await sendCard(context, renderWelcomeCard(welcomeContent(this.services.partner, await languageOf(context, this.services))));
    }
}
