import { translator } from '../../i18n/i18n';
import { detectLanguageSwitch, languageFromLocale, resolveLanguage } from '../../i18n/language';
import { contentWords, isVague } from '../../cases/caseGaps';
import type { BotServices } from '../botServices';
import { TURN_LANGUAGE } from '../turnErrorHandler';
import type { MessageStep } from './messageStep';

/** A message needs this many words before its language is read from the text. */
const MIN_WORDS_TO_DETECT = 4;
/** Confidence at which the language read from the text wins over the channel's locale. */
const CLEARLY_WRITTEN = 0.85;

/** Longest message read as a request to switch language ("en español", "in English please"). */
const MAX_SWITCH_CHARS = 40;

/**
 * Keeps the conversation's language: a request to switch is answered in the new language and
 * the pending question is asked again (the turn ends there); otherwise the language follows
 * the customer's explicit choice, then a message plainly written in a supported language (it
 * beats the locale), then the language in use, the locale, or a weaker reading of the message.
 */
export function languageStep(services: BotServices): MessageStep {
    return {
        name: 'language',
        async handle(turn) {
            const { context, text } = turn;
            const profile = await services.customerProfile.get(context, {});
            const switchTo = (text.length <= MAX_SWITCH_CHARS ? detectLanguageSwitch(text) : undefined) ?? services.intents?.switchTo(text);
            if (switchTo) {
                profile.language = switchTo;
                profile.languageChosen = true;
                context.turnState.set(TURN_LANGUAGE, switchTo);
                await context.sendActivity(translator(switchTo)('language.switched'));
                // "Could you answer in English? Our Dynamics 365 Sales won't open…": the problem told with the request goes on to the dialog.
                const dc = await turn.dialogs();
                if (!dc.activeDialog && contentWords(text).length >= MIN_WORDS_TO_DETECT && !isVague(text, await services.classifier.classify(text), services.minConfidence)) return 'next';
                if (dc.activeDialog) await dc.repromptDialog();
                else await context.sendActivity(translator(switchTo)('intake.askDescription'));
                return 'handled';
            }
            if (!profile.languageChosen) {
                const readable = text.split(/\s+/).length >= MIN_WORDS_TO_DETECT;
                const detect = readable || (!languageFromLocale(context.activity.locale) && !profile.language && text.length > 0);
                const detected = detect ? (await services.classifier.classify(text)).language : undefined;
                if (readable && detected && detected.confidence >= CLEARLY_WRITTEN) {
                    // Text plainly written in a supported language beats the browser's or Teams' locale.
                    profile.language = detected.label;
                    profile.languageFromText = true;
                } else if (!profile.languageFromText) {
                    profile.language = resolveLanguage({ current: profile.language, locale: context.activity.locale, detected, minConfidence: services.minConfidence });
                }
            }
            context.turnState.set(TURN_LANGUAGE, await turn.language());
            return 'next';
        },
    };
}
