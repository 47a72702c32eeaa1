import { inAnyLanguage } from './packs';

/** Exchange's own names, then the packs' words for mail and mailboxes. */
const MAIL = new RegExp(['exchange', 'outlook', '\\bowa\\b', ...inAnyLanguage((p) => p.serviceNames.mail)].join('|'), 'iu');

/** True when a description names mail or the Exchange Online workload, in any of the bot's languages. */
export function mentionsMail(text: string): boolean {
    return MAIL.test(text);
}
