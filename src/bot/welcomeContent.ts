import type { WelcomeCardData } from '../../cards';
import { translator } from '../i18n/i18n';
import { localized, type PartnerProfile } from '../partner/partnerProfile';
import type { Language } from '../policy/types';
import { WEEKDAYS } from '../policy/businessCalendar';

/** The support terms card's content: what the bot does and the partner's support, hours, contact and prices. */
export function welcomeContent(partner: PartnerProfile, language: Language): WelcomeCardData {
    const t = translator(language);
    return {
        title: t('welcome.termsTitle', { partner: partner.name }),
        intro: t('welcome.intro'),
        supportHeading: t('welcome.supportHeading'),
        supportOffered: localized(partner.supportOffered, language),
        hoursHeading: t('welcome.hoursHeading'),
        hours: WEEKDAYS.map((day) => {
            const intervals = partner.hours.weekly[day];
            return { day: t(`weekday.${day}`), time: intervals.length ? intervals.map((i) => `${i.start}–${i.end}`).join(', ') : t('hours.closed') };
        }),
        hoursNote: `${t('hours.zone', { zone: partner.hours.timeZone })} ${partner.hours.holidays.length ? t('hours.holidays') : ''}`.trim(),
        contactHeading: t('welcome.contactHeading'),
        contacts: [...partner.contactMethods.map((c) => ({ label: localized(c.label, language), value: localized(c.value, language) })), ...(partner.phone ? [{ label: t('welcome.phoneLabel'), value: `${partner.phone} (${t('welcome.phoneNote')})` }] : [])],
        pricingHeading: t('welcome.pricingHeading'),
        pricing: localized(partner.pricing, language),
        commands: t('welcome.commands'),
    };
}
