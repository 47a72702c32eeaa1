import template from './welcome.json';
import { expandTemplate, factLines, type RenderedCard } from './render';

export interface WelcomeCardData {
    title: string;
    intro: string;
    supportHeading: string;
    supportOffered: string;
    hoursHeading: string;
    hours: Array<{ day: string; time: string }>;
    hoursNote: string;
    contactHeading: string;
    contacts: Array<{ label: string; value: string }>;
    pricingHeading: string;
    pricing: string;
    commands: string;
}

/** The greeting: what the bot does and the partner's support terms (offer, hours, contact, prices). */
export function renderWelcomeCard(data: WelcomeCardData): RenderedCard {
    const fallbackText = [
        data.title,
        data.intro,
        `${data.supportHeading}: ${data.supportOffered}`,
        `${data.hoursHeading}:`,
        ...factLines(data.hours.map((h) => ({ title: h.day, value: h.time }))),
        data.hoursNote,
        `${data.contactHeading}:`,
        ...factLines(data.contacts.map((c) => ({ title: c.label, value: c.value }))),
        `${data.pricingHeading}: ${data.pricing}`,
        data.commands,
    ].join('\n');
    return { attachment: expandTemplate('welcome.json', template, { ...data, fallbackText }), fallbackText };
}
