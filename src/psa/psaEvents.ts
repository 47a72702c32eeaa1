import { z } from 'zod';
import { ACTOR_KINDS, TICKET_STATUSES } from '../policy/types';
import type { TicketEvent } from '../store/ticketRepository';
import { redactPii } from '../understanding/piiRedaction';

/** Events whose text the customer wrote or read: only these carry it (redacted); agents' notes stay in the desk. */
const PUBLIC_TEXT = new Set(['replied', 'customer-replied', 'resolved', 'status-changed', 'reopened']);

/** One entry of a ticket's history as the PSA API shows it. */
export const PsaEventSchema = z.object({
    id: z.number().int(),
    type: z.string().describe('opened, assigned, replied, customer-replied, status-changed, resolved, reopened, closed, rated, …'),
    occurred_at: z.string(),
    /** Who: the kind always; the name only of agents and PSA keys (never the customer's). */
    actor: z.object({ kind: z.enum(ACTOR_KINDS), name: z.string().nullable() }).nullable(),
    status_from: z.string().nullable(),
    status_to: z.string().nullable(),
    text_redacted: z.string().nullable().describe('What the customer was told or wrote, with personal data and secrets masked.'),
});
export type PsaEvent = z.infer<typeof PsaEventSchema>;

export const EventListSchema = z.object({ events: z.array(PsaEventSchema) });

const Status = z.enum(TICKET_STATUSES).optional().catch(undefined);
/** What the events hold; an assignment's from/to are people, its statuses are under `status`. */
const EventDataSchema = z
    .object({ from: Status, to: Status, text: z.string().optional().catch(undefined), status: z.object({ from: Status, to: Status }).optional().catch(undefined) })
    .catch({});

function data(event: TicketEvent): z.infer<typeof EventDataSchema> {
    try {
        return EventDataSchema.parse(JSON.parse(event.data));
    } catch {
        return {};
    }
}

/** A ticket event for the partner's PSA: the change and who made it, texts redacted, no customer name. */
export function psaEvent(event: TicketEvent): PsaEvent {
    const read = data(event);
    const { from, to } = event.type === 'assigned' ? (read.status ?? {}) : read;
    const text = read.text;
    const named = event.actor?.kind === 'agent' || event.actor?.kind === 'psa';
    return {
        id: event.id,
        type: event.type,
        occurred_at: event.createdAt,
        actor: event.actor ? { kind: event.actor.kind, name: named ? (event.actor.name ?? null) : null } : null,
        status_from: from ?? null,
        status_to: to ?? null,
        text_redacted: text && PUBLIC_TEXT.has(event.type) ? redactPii(text).text : null,
    };
}
