import { translator } from '../../i18n/i18n';
import type { BotServices } from '../botServices';
import { bringInPerson } from '../bringInPerson';
import type { MessageStep } from './messageStep';

/**
 * Two negative messages in a row (Azure AI Language sentiment, when configured) bring in a
 * person when one is available; the dialog waits meanwhile.
 */
export function frustrationStep(services: BotServices): MessageStep {
    return {
        name: 'frustration',
        async handle(turn) {
            const { context, text } = turn;
            const { languageService, handoff } = services;
            if (turn.submission || !handoff || !languageService || text.length < 3) return 'next';
            const language = await turn.language();
            const sentiment = await languageService.sentiment(text, language);
            const session = await services.session.get(context, {});
            session.negativeStreak = sentiment?.label === 'negative' ? (session.negativeStreak ?? 0) + 1 : 0;
            if (session.negativeStreak < 2 || !(await handoff.canStart(context.activity.channelId))) return 'next';
            session.negativeStreak = 0;
            await context.sendActivity(translator(language)('handoff.frustrated'));
            return (await bringInPerson(context, services, 'frustrated')) ? 'handled' : 'next';
        },
    };
}
