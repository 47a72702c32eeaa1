import type { TurnContext } from 'botbuilder';
import { tenantIdOf } from '../channels/teamsChannelData';
import type { Ticket } from '../store/ticketRepository';

/** Who is asking about a ticket, as far as the channel vouches for it. */
export interface Asker {
    channelId: string;
    conversationId: string;
    /** The channel's id of the person (Web Chat: bound to the Direct Line token). */
    userId?: string;
    /** The Microsoft Entra tenant, from Teams only (see tenantIdOf). */
    tenantId?: string;
}

type Owned = Pick<Ticket, 'customerTenantId' | 'channelId' | 'conversationId' | 'customerUserId'>;

/**
 * True when the asker may read the ticket: the conversation that opened it, the same person on
 * the same channel, or (Teams) someone of the same tenant. What a customer types (an
 * organisation's name, a tenant id in a Web Chat client's channel data) proves nothing, so a
 * ticket number is useless to anyone else, however easily it is guessed.
 */
export function mayReadTicket(ticket: Owned, asker: Asker): boolean {
    const sameChannel = ticket.channelId === asker.channelId;
    if (sameChannel && ticket.conversationId === asker.conversationId) return true;
    if (sameChannel && ticket.customerUserId !== null && ticket.customerUserId === asker.userId) return true;
    const vouched = asker.channelId === 'msteams' && asker.tenantId !== undefined;
    return vouched && !!ticket.customerTenantId && ticket.customerTenantId.toLowerCase() === asker.tenantId?.toLowerCase();
}

/** Who is asking in this turn, as the channel vouches for it: conversation, person, and (Teams) tenant. */
export function askerOf(context: TurnContext): Asker {
    const { activity } = context;
    return { channelId: activity.channelId, conversationId: activity.conversation.id, userId: activity.from?.id, tenantId: tenantIdOf(activity) };
}
