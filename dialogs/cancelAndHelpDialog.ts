import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult, type PromptValidator } from '../src/bot/dialogKit';
import { bringInPerson, personAvailability } from '../src/bot/bringInPerson';
import type { HandoffReason } from '../src/handoff/handoffTypes';
import type { Language } from '../src/policy/types';
import type { Ticket } from '../src/store/ticketRepository';
import { detectInterruption, type Interruption } from '../src/understanding/intents';
import { CardPrompt } from './cardPrompt';
import type { BotServices } from '../src/bot/botServices';
import { LocalizedTextPrompt } from './localizedTextPrompt';
import { recognizers } from './recognizers';
import { languageOf, translate } from '../src/bot/turnHelpers';
import { sendSupportTerms } from '../src/bot/welcome';
import { besidesRequest } from '../src/understanding/besidesRequest';

/**
 * Base for the bot's dialogs: help (with the support terms), cancel, start over, and requests for a person or for
 * phone support are understood at any point, before the active question sees the message.
 */
export class CancelAndHelpDialog extends ComponentDialog {
    constructor(
        id: string,
        protected readonly services: BotServices,
    ) {
        super(id);
    }

    protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        const handled = await this.interrupt(innerDc);
        return handled ?? super.onContinueDialog(innerDc);
    }

    /**
     * A typed message (or `text`, the part of it that is not a request) that changes the case
     * rather than answering the question (a correction, a new statement of the problem);
     * undefined to let the question take it. The outermost
     * dialog (MainDialog) owns the case and overrides this.
     */
    protected async reviseCase(_innerDc: DialogContext, _text?: string): Promise<DialogTurnResult | undefined> {
        return undefined;
    }

    /** Handles an interruption; undefined when the message is an ordinary answer. */
    protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const { activity } = innerDc.context;
        if (activity.type !== 'message' || !activity.text) return undefined;
        const intent = detectInterruption(activity.text) ?? this.askedOfConversation(activity.text);
        if (!intent) return this.reviseCase(innerDc);
        if (intent === 'human' && (await this.bringInPerson(innerDc.context, 'asked'))) return { status: DialogTurnStatus.waiting };
        await innerDc.context.sendActivity(await this.interruptionReply(innerDc, intent));
        if (intent === 'help') await sendSupportTerms(innerDc.context, this.services);
        switch (intent) {
            case 'cancel':
                await innerDc.cancelAllDialogs();
                return { status: DialogTurnStatus.cancelled };
            case 'restart':
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.initialDialogId, this.restartOptions());
            default: {
                // A request made in passing ("can you call me? it's the Azure VM, not Outlook"): what else the message says may still change the case.
                const rest = besidesRequest(activity.text, (s) => this.asks(s, intent));
                const revised = rest ? await this.reviseCase(innerDc, rest) : undefined;
                if (revised) return revised;
                await innerDc.repromptDialog();
                return { status: DialogTurnStatus.waiting };
            }
        }
    }

    /** A request for a person or for phone support in the customer's own words (the intent recogniser). */
    private askedOfConversation(text: string): Interruption | null {
        const intents = this.services.intents;
        if (intents?.asksForPerson(text)) return 'human';
        if (intents?.asksForPhone(text)) return 'phone';
        return null;
    }

    /** True when a sentence makes the request `intent` (to be phoned, a person). */
    protected asks(sentence: string, intent: Interruption): boolean {
        return detectInterruption(sentence) === intent || this.askedOfConversation(sentence) === intent;
    }

    /** The customer's language for this turn. */
    protected language(context: TurnContext): Promise<Language> {
        return languageOf(context, this.services);
    }

    /** A card question prompt that renders in the customer's current language. */
    protected cardPrompt(id: string): CardPrompt {
        return new CardPrompt(id, {
            recognizers: recognizers(this.services.impactFromText),
            languageOf: (c) => this.language(c),
            guidance: this.services.guidance,
            personAvailability: (c) => personAvailability(c, this.services),
            bringInPerson: (c) => this.bringInPerson(c, 'asked'),
        });
    }

    /** A text prompt that renders in the customer's current language. */
    protected textPrompt(id: string, validator: PromptValidator<string>): LocalizedTextPrompt {
        return new LocalizedTextPrompt(id, validator, (c) => this.language(c), (c) => personAvailability(c, this.services));
    }

    /** Puts the customer in touch with one of the partner's agents; true when a person is coming (the dialog then waits). */
    protected bringInPerson(context: TurnContext, reason: HandoffReason, ticket?: Ticket): Promise<boolean> {
        return bringInPerson(context, this.services, reason, ticket);
    }

    /** Options the dialog restarts with after "start over". */
    protected restartOptions(): object | undefined {
        return undefined;
    }

    private async interruptionReply(innerDc: DialogContext, intent: Interruption): Promise<string> {
        const t = await translate(innerDc.context, this.services);
        const { name, supportEmail } = this.services.partner;
        const keys: Record<Interruption, string> = { help: 'help.text', cancel: 'cancel.done', restart: 'restart.done', human: 'human.notice', phone: 'phone.notice' };
        return t(keys[intent], { partner: name, email: supportEmail });
    }
}
