import { formatDueAt } from '../../i18n/format';
import { translator } from '../../i18n/i18n';
import { nextOpenInstant } from '../../policy/businessCalendar';
import type { BotServices } from '../botServices';
import { bringInPerson } from '../bringInPerson';
import { displayZoneOf } from '../turnHelpers';
import type { MessageStep } from './messageStep';

/**
 * Frustration, read locally (insults, "useless", shouting, "!!!") and, when configured, by
 * Azure AI Language sentiment. Two frustrated messages in a row bring in a person: at once
 * when no problem is being taken down, else right after the ticket is opened (so nothing is
 * lost) and without articles. Outside the desk's hours the customer is told when it opens and
 * that the ticket will be waiting. A request for a phone call made in anger is answered first.
 * The pending question is then asked again.
 */
export function frustrationStep(services: BotServices): MessageStep {
    return {
        name: 'frustration',
        async handle(turn) {
            const { context, text } = turn;
            const { languageService, handoff, intents } = services;
            if (turn.submission || !handoff || text.length < 3) return 'next';
            const language = await turn.language();
            const local = intents?.frustrated(text) ?? false;
            const negative = local || (languageService ? (await languageService.sentiment(text, language))?.label === 'negative' : false);
            const session = await services.session.get(context, {});
            session.negativeStreak = negative ? (session.negativeStreak ?? 0) + 1 : 0;
            if (session.negativeStreak < 2) return 'next';
            session.negativeStreak = 0;
            const t = translator(language);
            // "Stop asking stupid questions, give me a number to call": the phone question is answered too.
            if (intents?.asksForPhone(text)) await context.sendActivity(t('phone.notice', { email: services.partner.supportEmail }));
            const dc = await turn.dialogs();
            if (!(await handoff.canStart(context.activity.channelId))) {
                const next = formatDueAt(nextOpenInstant(services.partner.hours, services.now()).toUTC().toISO() as string, displayZoneOf(context, services), language);
                await context.sendActivity(t('handoff.frustratedClosed', { next }));
            } else if (dc.activeDialog) {
                session.personRequested = true;
                await context.sendActivity(t('handoff.frustratedPerson'));
            } else {
                await context.sendActivity(t('handoff.frustrated'));
                if (await bringInPerson(context, services, 'frustrated')) return 'handled';
            }
            if (dc.activeDialog) await dc.repromptDialog();
            return 'handled';
        },
    };
}
