import type { TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../../cards';
import { resolveLanguage } from '../i18n/language';
import type { BotServices } from './botServices';
import { languageOf, sendCard, translate } from './turnHelpers';
import { welcomeContent } from './welcomeContent';

export interface WelcomeOptions {
    /** Ask what the bot can help with (on joining); not when the intake asks it in the same turn. */
    ask?: boolean;
}

/**
 * The greeting, once per conversation: when the customer joins, or before the first answer if
 * the channel never said they joined. It is short (who the bot is, what it can help with) and
 * offers the support terms as a button; the terms themselves are a tap or a `help` away.
 */
export async function welcomeOnce(context: TurnContext, services: BotServices, options: WelcomeOptions = {}): Promise<void> {
    const session = await services.session.get(context, {});
    if (session.greeted) return;
    session.greeted = true;
    const profile = await services.customerProfile.get(context, {});
    if (!profile.languageChosen) profile.language = resolveLanguage({ current: profile.language, locale: context.activity.locale, minConfidence: services.minConfidence });
    const t = await translate(context, services);
    const text = [t('welcome.greeting', { partner: services.partner.name }), ...(options.ask ? [t('intake.askDescription')] : []), t('welcome.termsHint')].join(' ');
    const terms = t('welcome.termsButton');
    await context.sendActivity({ type: 'message', text, suggestedActions: { to: [], actions: [{ type: 'imBack', title: terms, value: terms }] } });
}

/** The partner's support terms (what it offers, hours, contact, prices): on `help` and the "Support terms" button. */
export async function sendSupportTerms(context: TurnContext, services: BotServices): Promise<void> {
    await sendCard(context, renderWelcomeCard(welcomeContent(services.partner, await languageOf(context, services))));
}
