import type { TurnContext } from 'botbuilder';
import type { DialogContext } from '../dialogKit';
import type { CardSubmission } from '../../../cards';
import type { Translate } from '../../i18n/i18n';
import type { Language } from '../../policy/types';

/** What a step did with a message: answered it (the turn ends), or left it to the next step. */
export type StepResult = 'handled' | 'next';

/** One customer or agent message, as the steps see it. */
export interface MessageTurn {
    readonly context: TurnContext;
    /** The message text, trimmed. */
    readonly text: string;
    /** A click on one of the bot's cards, 'invalid' for a payload that is not one, undefined for typed text. */
    readonly submission: CardSubmission | 'invalid' | undefined;
    /** The conversation's dialog context (created once per turn). */
    dialogs(): Promise<DialogContext>;
    /** The customer's language as it stands now. */
    language(): Promise<Language>;
    /** Translate in the customer's language as it stands now. */
    t(): Promise<Translate>;
}

/** A step of the routing table: small, with one job, tested on its own. */
export interface MessageStep {
    readonly name: string;
    handle(turn: MessageTurn): Promise<StepResult>;
}
