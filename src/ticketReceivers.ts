import { authEnabled, ConfigError, type AppConfig } from './config';
import type { PartnerProfile } from './partner/partnerProfile';
import { isAlwaysOpen } from './policy/businessCalendar';
import { commitmentFor } from './policy/commitments';
import { SEVERITIES } from './policy/types';

/** The variable that lets a production bot start although no ticket reaches anyone. */
export const NO_RECEIVER_OVERRIDE = 'ALLOW_NO_TICKET_RECEIVER';

/**
 * Who receives a new ticket, as far as start-up can tell: agents named in the environment
 * (they see the queue in Teams and can register their channel), an agents' channel in the
 * environment or saved when the app was installed in the agents' team, webhooks to the
 * partner's PSA. Filing with Microsoft (Severity A only) does not count: it is not the
 * partner's desk answering the customer.
 */
export function ticketReceivers(config: AppConfig, savedAgentsChannel: boolean): string[] {
    const receivers: string[] = [];
    if (config.AGENT_ADMIN_AAD_OBJECT_IDS.length + config.AGENT_AAD_OBJECT_IDS.length > 0) receivers.push('agents (AGENT_ADMIN_AAD_OBJECT_IDS / AGENT_AAD_OBJECT_IDS)');
    if (config.AGENTS_CHANNEL_ID) receivers.push("the agents' channel (AGENTS_CHANNEL_ID)");
    else if (savedAgentsChannel) receivers.push("the agents' channel saved when the app was installed in the agents' team");
    if (config.WEBHOOK_URLS.length > 0) receivers.push('webhooks (WEBHOOK_URLS)');
    return receivers;
}

const NO_RECEIVER = 'no ticket receiver: no agents (AGENT_ADMIN_AAD_OBJECT_IDS, AGENT_AAD_OBJECT_IDS), no agents\' channel (AGENTS_CHANNEL_ID or one saved at installation) and no webhook (WEBHOOK_URLS), so tickets are stored but nobody is told, and the response times the bot promises would not be kept';

/**
 * Refuses a production start (an app id is set) when no ticket reaches anyone, unless
 * ALLOW_NO_TICKET_RECEIVER=true says this is on purpose.
 */
export function checkTicketReceivers(config: AppConfig, receivers: string[]): void {
    if (receivers.length > 0 || !authEnabled(config) || config.ALLOW_NO_TICKET_RECEIVER) return;
    throw new ConfigError(
        `checkTicketReceivers(): ${NO_RECEIVER}.\n  Set AGENT_ADMIN_AAD_OBJECT_IDS (and install the Teams app in the agents' team), AGENTS_CHANNEL_ID or WEBHOOK_URLS; or, if tickets are handled some other way, set ${NO_RECEIVER_OVERRIDE}=true.`,
    );
}

/** What the start-up banner warns about: nobody receives tickets, or a promise nobody is there to keep. */
export function startupWarnings(config: AppConfig, profile: Pick<PartnerProfile, 'hours' | 'commitments'>, receivers: string[]): string[] {
    const warnings: string[] = [];
    if (receivers.length === 0) {
        warnings.push(
            authEnabled(config)
                ? `NO TICKET RECEIVER (allowed by ${NO_RECEIVER_OVERRIDE}): ${NO_RECEIVER}.`
                : `NO TICKET RECEIVER: ${NO_RECEIVER}. Fine for trying the bot; in production (MicrosoftAppId set) start-up refuses this unless ${NO_RECEIVER_OVERRIDE}=true.`,
        );
    }
    if (!isAlwaysOpen(profile.hours)) {
        const unkept = SEVERITIES.filter((severity) => commitmentFor({ category: 'technical', kind: 'break-fix', severity, language: 'en' }, profile.commitments).coverage === 'around-the-clock');
        if (unkept.length > 0) {
            warnings.push(
                `UNSTAFFED PROMISE: English break-fix Severity ${unkept.join('/')} is promised around the clock (the programme's default), but the desk's hours close and no commitment names an on-call rota. ` +
                    'Out of hours customers are told the desk is closed and when it opens. Set "commitments" in the partner profile (an "onCall" rota, or "business-hours") so the promise matches your desk.',
            );
        }
    }
    return warnings;
}
