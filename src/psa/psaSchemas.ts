import { z } from 'zod';
import { TicketV1Schema } from '../integrations/webhooks';
import { TICKET_STATUSES } from '../policy/types';
import { MAX_TICKET_TEXT } from '../tickets/ticketActions';
import { PROBLEM_CODES } from './psaAnswer';

/** Where the API lives; every path of the OpenAPI document is under it. */
export const PSA_API_BASE = '/api/psa/v1';

/** Largest request body the API reads (a 4,000-character text, escaped, fits many times). */
export const PSA_MAX_BODY_BYTES = 65_536;

/** A ticket number as the bot issues it: SR-<year>-<6+ digits>. */
export const TicketNumberSchema = z.string().regex(/^SR-\d{4}-\d{6,}$/);

/** Idempotency-Key: 1-255 visible ASCII characters (a UUID is the usual choice). */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7E]{1,255}$/);

/** POST …/comments: a public comment, sent to the customer as the partner's reply. */
export const CommentRequestSchema = z.strictObject({
    text: z.string().trim().min(1).max(MAX_TICKET_TEXT).describe('What the customer reads, as written (plain text).'),
});

/** POST …/status: a new status; `text` is required for resolved (the resolution) and waiting-customer (the question). */
export const StatusRequestSchema = z.strictObject({
    status: z.enum(TICKET_STATUSES),
    text: z.string().trim().max(MAX_TICKET_TEXT).optional().describe('Told to the customer: the resolution, the question, or a note on the change.'),
});

/** Every successful answer: the ticket after the request, in the webhooks' version-1 shape. */
export const TicketEnvelopeSchema = z.object({ ticket: TicketV1Schema });

/** An error answer (RFC 9457 application/problem+json). */
export const ProblemSchema = z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES),
    detail: z.string(),
});
