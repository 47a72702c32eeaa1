import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import type { TicketRow } from '../store/ticketRepository';

const KNOWN_STATUSES = new Set(['none', 'open', 'closed', 'attention_needed']);

/**
 * What a customer (asking about their ticket) or an agent reads about the ticket's Microsoft
 * service request, in their language: its id, status and when the bot last checked it.
 * Undefined when nothing was filed with Microsoft.
 */
export function serviceRequestLine(
    ticket: Pick<TicketRow, 'service_request_id' | 'service_request_status' | 'service_request_updated_at'>,
    language: Language,
    zone: string,
): string | undefined {
    if (!ticket.service_request_id) return undefined;
    const t = translator(language);
    const status = ticket.service_request_status ?? 'none';
    return t('serviceRequest.line', {
        id: ticket.service_request_id,
        status: KNOWN_STATUSES.has(status) ? t(`serviceRequest.status.${status}`) : status,
        checked: ticket.service_request_updated_at ? formatDueAt(ticket.service_request_updated_at, zone, language) : '—',
    });
}
