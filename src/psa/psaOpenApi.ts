import { z } from 'zod';
import { PSA_SCOPES } from '../config';
import { EventListSchema } from './psaEvents';
import { CommentRequestSchema, IdempotencyKeySchema, PSA_API_BASE, ProblemSchema, StatusRequestSchema, TicketEnvelopeSchema, TicketNumberSchema } from './psaSchemas';

type Json = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12, without its $schema). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
    return rest;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const problemOf = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const ticketOf = (description: string): Json => ({ description, content: { 'application/json': { schema: ref('TicketEnvelope') } } });

/** The errors every authenticated operation may answer. */
const COMMON_ERRORS: Json = {
    400: problemOf('A credential in the query string (`key-in-url`), or a malformed request.'),
    401: problemOf('No API key, or one that is not configured.'),
    403: problemOf('The API key lacks the operation\'s scope.'),
    404: problemOf('No ticket with this number.'),
    429: { ...problemOf('Too many requests for this API key; see Retry-After.'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until a request is allowed again.' } } },
};

/** The errors of a change, on top of the common ones. */
const CHANGE_ERRORS: Json = {
    ...COMMON_ERRORS,
    400: problemOf('No Idempotency-Key, a body that is not JSON, or a body that does not fit the schema.'),
    409: problemOf('The ticket\'s lifecycle refuses the change (`unchanged`, `ticket-closed`, `not-resolved`, `not-allowed`).'),
    413: problemOf('A body over 64 KiB.'),
    415: problemOf('A body that is not application/json.'),
    422: problemOf('The change needs a text (`text-required`), or the Idempotency-Key was used for another request (`idempotency-key-reused`).'),
};

const numberParameter: Json = { name: 'number', in: 'path', required: true, description: 'The ticket number, e.g. SR-2026-000123.', schema: schemaOf(TicketNumberSchema, 'input') };
const idempotencyHeader: Json = {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description: 'A new key (e.g. a UUID) per change. Repeating a request with the same key and body replays the first answer (with `Idempotent-Replayed: true`) without changing the ticket again; the same key with another body is refused with 422.',
    schema: schemaOf(IdempotencyKeySchema, 'input'),
};
const replayedHeader: Json = { 'Idempotent-Replayed': { description: 'Present (true) when this is the answer kept for an earlier request with the same key.', schema: { type: 'string', enum: ['true'] } } };

function changeOperation(summary: string, scope: string, body: string, success: number, description: string): Json {
    return {
        summary,
        description,
        security: [{ apiKey: [scope] }],
        parameters: [numberParameter, idempotencyHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } },
        responses: { [success]: { ...ticketOf('The ticket after the change.'), headers: replayedHeader }, ...CHANGE_ERRORS },
    };
}

/**
 * The OpenAPI 3.1 document of the PSA API, served at /api/psa/v1/openapi.json. Request and
 * answer schemas are generated from the zod schemas the routes parse and answer with, so the
 * document cannot drift from them; a test checks that its paths are exactly the routes served.
 */
export function psaOpenApi(): Json {
    return {
        openapi: '3.1.0',
        info: {
            title: 'CSP support bot: partner PSA API',
            version: '1.0.0',
            description:
                'For the partner\'s own PSA/ITSM: read a ticket and its history, add a public comment (it reaches the customer in Teams or Web Chat) and change its status. ' +
                `Authenticate with \`Authorization: Bearer <key>\` (keys and their scopes come from PSA_API_KEYS: ${PSA_SCOPES.join(', ')}); ` +
                'keys are rate-limited each (PSA_RATE_LIMIT_PER_MINUTE). The ticket is the webhooks\' version-1 shape: redacted texts only.',
        },
        servers: [{ url: PSA_API_BASE }],
        security: [{ apiKey: [] }],
        paths: {
            '/openapi.json': { get: { summary: 'This document', security: [], responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } } } },
            '/tickets/{number}': {
                get: { summary: 'Read a ticket', security: [{ apiKey: ['tickets:read'] }], parameters: [numberParameter], responses: { 200: ticketOf('The ticket.'), ...COMMON_ERRORS } },
            },
            '/tickets/{number}/events': {
                get: {
                    summary: 'Read a ticket\'s history',
                    description: 'Every change, oldest first, with who made it (agents\' and PSA keys\' names, never the customer\'s) and, for what the customer wrote or was told, the redacted text.',
                    security: [{ apiKey: ['tickets:read'] }],
                    parameters: [numberParameter],
                    responses: { 200: { description: 'The events.', content: { 'application/json': { schema: ref('EventList') } } }, ...COMMON_ERRORS },
                },
            },
            '/tickets/{number}/comments': {
                post: changeOperation('Add a public comment', 'tickets:comment', 'CommentRequest', 201, 'Posts the text to the customer as the partner\'s reply (the first one counts as the first response) and records it on the ticket as by "PSA <key name>".'),
            },
            '/tickets/{number}/status': {
                post: changeOperation(
                    'Change the status',
                    'tickets:status',
                    'StatusRequest',
                    200,
                    'Moves the ticket (setting an open status on a resolved or closed ticket reopens it). `resolved` and `waiting-customer` need a `text`, which the customer is told; closing needs a resolved ticket.',
                ),
            },
        },
        components: {
            securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: `A PSA API key; scopes: ${PSA_SCOPES.join(', ')}.` } },
            schemas: {
                TicketEnvelope: schemaOf(TicketEnvelopeSchema, 'output'),
                EventList: schemaOf(EventListSchema, 'output'),
                CommentRequest: schemaOf(CommentRequestSchema, 'input'),
                StatusRequest: schemaOf(StatusRequestSchema, 'input'),
                Problem: schemaOf(ProblemSchema, 'output'),
            },
        },
    };
}
