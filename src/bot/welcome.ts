import type { TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../../cards';
import { resolveLanguage } from '../i18n/language';
import type { BotServices } from './botServices';
import { languageOf, sendCard } from './turnHelpers';
import { welcomeContent } from './welcomeContent';

/**
 * The greeting card (what the bot does, the partner's support, hours, contact and prices),
 * once per conversation: when the customer joins, or before the first answer if the channel
 * never said they joined.
 */
export async function welcomeOnce(context: TurnContext, services: BotServices): Promise<void> {
    const session = await services.session.get(context, {});
    if (session.greeted) return;
    session.greeted = true;
    const profile = await services.customerProfile.get(context, {});
    if (!profile.languageChosen) profile.language = resolveLanguage({ current: profile.language, locale: context.activity.locale, minConfidence: services.minConfidence });
    await sendCard(context, renderWelcomeCard(welcomeContent(services.partner, await languageOf(context, services))));
}
