import type { TicketRow } from '../store/ticketRepository';

/** Who is asking about a ticket, as far as the channel and the bot know. */
export interface Asker {
    /** The Microsoft Entra tenant the channel reports (Teams). */
    tenantId?: string;
    /** The customer organisation: from the tenant directory, else what the customer gave the bot. */
    organisation?: string;
}

const sameText = (a: string, b: string): boolean => a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * True when the asker belongs to the ticket's customer organisation: by tenant when both
 * sides have one (Teams), otherwise by organisation name. Knowing a ticket number is not
 * enough, and an asker the bot knows nothing about sees nothing.
 */
export function mayReadTicket(ticket: Pick<TicketRow, 'customer_tenant_id' | 'customer_organisation'>, asker: Asker): boolean {
    if (ticket.customer_tenant_id && asker.tenantId) return ticket.customer_tenant_id.toLowerCase() === asker.tenantId.toLowerCase();
    if (ticket.customer_organisation && asker.organisation) return sameText(ticket.customer_organisation, asker.organisation);
    return false;
}
