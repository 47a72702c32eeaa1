import { TurnContext } from 'botbuilder';
import type { DialogContext } from './dialogKit';
import { parseCardSubmission } from '../../cards';
import { translator } from '../i18n/i18n';
import type { BotServices } from './botServices';
import type { MessageTurn } from './steps/messageStep';
import { languageOf } from './turnHelpers';

/**
 * A message as the steps see it: in Teams the bot's own @mention is removed first, the text
 * is trimmed, a card click is parsed once, and the dialog context is created on first use.
 */
export function createMessageTurn(context: TurnContext, services: BotServices, createDialogContext: (context: TurnContext) => Promise<DialogContext>): MessageTurn {
    const { activity } = context;
    if (activity.channelId === 'msteams') TurnContext.removeRecipientMention(activity);
    const text = (activity.text ?? '').trim();
    if (activity.text !== undefined) activity.text = text;
    let dialogs: Promise<DialogContext> | undefined;
    return {
        context,
        text,
        submission: parseCardSubmission(activity.value),
        dialogs: () => (dialogs ??= createDialogContext(context)),
        language: () => languageOf(context, services),
        t: async () => translator(await languageOf(context, services)),
    };
}
