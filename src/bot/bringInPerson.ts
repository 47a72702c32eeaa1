import type { TurnContext } from 'botbuilder';
import type { HandoffReason } from '../handoff/handoffTypes';
import type { Ticket } from '../store/ticketRepository';
import type { BotServices } from './botServices';
import { formatDueAt } from '../i18n/format';
import { isOpen, nextOpenInstant } from '../policy/businessCalendar';
import { displayZoneOf, languageOf } from './turnHelpers';

/**
 * Puts the customer in touch with one of the partner's agents (queue or agent hub), with what
 * the bot knows of them. True when a person is coming: the conversation then waits, and
 * resumes if the customer is handed back. False when nobody can come (the customer has been
 * told when the desk opens), or the bot runs without agents.
 */
export async function bringInPerson(context: TurnContext, services: BotServices, reason: HandoffReason, ticket?: Ticket): Promise<boolean> {
    const handoff = services.handoff;
    if (!handoff) return false;
    const profile = await services.customerProfile.get(context, {});
    const result = await handoff.start(context, { reason, language: await languageOf(context, services), customerName: profile.name ?? context.activity.from?.name, organisation: profile.organisation, ticket });
    return result === 'queued' || result === 'already' || result === 'hub';
}

/** Whether a person could join this customer now; else when the partner's desk next opens, in the customer's language. */
export async function personAvailability(context: TurnContext, services: BotServices): Promise<{ available: true } | { available: false; opensAt?: string }> {
    if (!services.handoff) return { available: false };
    if (await services.handoff.canStart(context.activity.channelId)) return { available: true };
    if (isOpen(services.partner.hours, services.now())) return { available: false };
    const next = nextOpenInstant(services.partner.hours, services.now());
    return { available: false, opensAt: formatDueAt(next.toUTC().toISO() as string, displayZoneOf(context, services), await languageOf(context, services)) };
}
