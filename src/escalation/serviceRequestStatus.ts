import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import type { Ticket } from '../store/ticketRepository';

const KNOWN_STATUSES = new Set(['none', 'open', 'closed', 'attention_needed']);

/**
 * What a customer (asking about their ticket) or an agent reads about the ticket's Microsoft
 * service request, in their language: its id, status and when the bot last checked it.
 * Undefined when nothing was filed with Microsoft.
 */
export function serviceRequestLine(
    ticket: Pick<Ticket, 'serviceRequestId' | 'serviceRequestStatus' | 'serviceRequestUpdatedAt'>,
    language: Language,
    zone: string,
): string | undefined {
    if (!ticket.serviceRequestId) return undefined;
    const t = translator(language);
    const status = ticket.serviceRequestStatus ?? 'none';
    return t('serviceRequest.line', {
        id: ticket.serviceRequestId,
        status: KNOWN_STATUSES.has(status) ? t(`serviceRequest.status.${status}`) : status,
        checked: ticket.serviceRequestUpdatedAt ? formatDueAt(ticket.serviceRequestUpdatedAt, zone, language) : '—',
    });
}
