import { TeamsActivityHandler, TurnContext, type BotState, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, type Dialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { translator } from '../i18n/i18n';
import { detectLanguageSwitch, languageFromLocale, resolveLanguage } from '../i18n/language';
import { parseCardSubmission } from '../../cards';
import type { DialogServices } from '../../dialogs/dialogServices';
import { languageOf, translate } from '../../dialogs/turnHelpers';
import { renderWelcomeCard } from '../../cards';
import { sendCard } from '../../dialogs/turnHelpers';
import { welcomeContent } from './welcomeContent';

/** Activity types the bot acts on (invoke only to refuse it: see onInvokeActivity). */
const HANDLED_TYPES = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke']);

export interface SupportBotLimits {
    maxMessageChars: number;
}

/**
 * The activity handler: welcomes new members once, screens each message (length, card
 * payloads, empty text) and hands the rest to the main dialog; state is saved every turn.
 */
export class SupportBot extends TeamsActivityHandler {
    private readonly dialogState: StatePropertyAccessor<DialogState>;

    constructor(
        private readonly conversationState: BotState,
        private readonly userState: BotState,
        private readonly mainDialog: Dialog,
        private readonly services: DialogServices,
        private readonly limits: SupportBotLimits,
    ) {
        super();
        this.dialogState = conversationState.createProperty<DialogState>('DialogState');
        this.onMessage(async (context, next) => {
            await this.handleMessage(context);
            await next();
        });
        this.onInstallationUpdateAdd(async (context, next) => {
            await this.welcomeOnce(context);
            await next();
        });
        this.onMembersAdded(async (context, next) => {
            const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
            if (joined) await this.welcomeOnce(context);
            await next();
        });
    }

    override async run(context: TurnContext): Promise<void> {
        // Other activity types (typing, reactions, edits, deletions, events, end of conversation)
        // are acknowledged and ignored, never handed to the SDK's parsers for features the bot lacks.
        if (!HANDLED_TYPES.has(context.activity.type)) return;
        await super.run(context);
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
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
        const text = (activity.text ?? '').trim();
        const dialogs = new DialogSet(this.dialogState).add(this.mainDialog);
        const dc = await dialogs.createContext(context);
        if (await this.settleLanguage(context, text, dc)) return;
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
        const result = await dc.continueDialog();
        if (result.status === 'empty') await dc.beginDialog(this.mainDialog.id);
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
