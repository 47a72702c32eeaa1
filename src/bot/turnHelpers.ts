import type { TurnContext } from 'botbuilder';
import type { RenderedCard } from '../../cards';
import { cardsSupported } from '../channels/channelFeatures';
import { displayZone } from '../i18n/format';
import { translator, type Translate } from '../i18n/i18n';
import type { Language } from '../policy/types';
import type { BotServices } from './botServices';

export { cardsSupported };

/** The customer's language for this turn (English until the customer's language is known). */
export async function languageOf(context: TurnContext, services: BotServices): Promise<Language> {
    const profile = await services.customerProfile.get(context, {});
    return profile.language ?? 'en';
}

/** A translate function in the customer's language. */
export async function translate(context: TurnContext, services: BotServices): Promise<Translate> {
    return translator(await languageOf(context, services));
}

/** Sends a rendered card, or its text where the channel has no cards. */
export async function sendCard(context: TurnContext, card: RenderedCard): Promise<void> {
    if (cardsSupported(context.activity.channelId)) {
        await context.sendActivity({ type: 'message', attachments: [card.attachment] });
    } else {
        await context.sendActivity(card.fallbackText);
    }
}

/** The IANA time zone the channel reports for the customer, if any (Teams sends one). */
export function customerTimeZone(context: TurnContext): string | undefined {
    const zone = (context.activity as { localTimezone?: unknown }).localTimezone;
    return typeof zone === 'string' && zone.length < 64 ? zone : undefined;
}

/** The zone to show times in for this customer: theirs when the channel says it, else the partner's. */
export function displayZoneOf(context: TurnContext, services: Pick<BotServices, 'partner'>): string {
    return displayZone(customerTimeZone(context), services.partner.hours.timeZone);
}
