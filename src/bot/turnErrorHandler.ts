import type { TurnContext } from 'botbuilder';
import { conversationRef, scrubbed, type Logger } from '../logger';
import { translator } from '../i18n/i18n';
import { languageFromLocale } from '../i18n/language';
import type { Language } from '../policy/types';

/** turnState key: the customer's language once the turn has settled it (read without the database). */
export const TURN_LANGUAGE = Symbol('turnLanguage');

/**
 * The adapter's onTurnError: logs with context (never the message text), and tells the
 * customer something useful. State is not saved for a failed turn, so earlier answers stay.
 */
export function turnErrorHandler(logger: Logger) {
    return async (context: TurnContext, error: Error): Promise<void> => {
        logger.error(
            { err: { name: error.name, message: scrubbed(error.message), stack: scrubbed(error.stack) }, conversation: conversationRef(context.activity.conversation?.id), channel: context.activity.channelId, activityType: context.activity.type },
            'turn failed',
        );
        try {
            // What this turn already knew, else the locale, never stored state: the failure may be the database itself.
            const language = (context.turnState.get(TURN_LANGUAGE) as Language | undefined) ?? languageFromLocale(context.activity.locale) ?? 'en';
            if (context.activity.type === 'message') await context.sendActivity(translator(language)('error.turn'));
        } catch (sendError) {
            logger.warn({ err: { message: scrubbed((sendError as Error).message) } }, 'could not tell the customer about the failed turn');
        }
    };
}
