import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { PsaScope } from '../config';
import type { TokenBucket } from '../http/tokenBucket';
import { webhookTicket } from '../integrations/webhooks';
import type { Logger } from '../logger';
import type { Actor } from '../policy/types';
import type { Ticket, TicketRepository } from '../store/ticketRepository';
import type { ActionResult, Alongside, TicketActions } from '../tickets/ticketActions';
import { requestHash, type IdempotentRequests, type KeepAnswer } from './idempotentRequests';
import { problem, refusalProblem, sendAnswer, type PsaAnswer } from './psaAnswer';
import type { PsaKey, PsaKeyring } from './psaKeyring';
import { psaEvent } from './psaEvents';
import { psaOpenApi } from './psaOpenApi';
import { CommentRequestSchema, IdempotencyKeySchema, PSA_API_BASE, PSA_MAX_BODY_BYTES, StatusRequestSchema, TicketNumberSchema } from './psaSchemas';

export interface PsaApiOptions {
    keys: PsaKeyring;
    tickets: TicketRepository;
    work: TicketActions;
    idempotency: IdempotentRequests;
    /** Requests per API key (see PSA_RATE_LIMIT_PER_MINUTE). */
    limiter: TokenBucket;
    logger: Logger;
}

/** Query parameters that look like credentials: a key in a URL ends up in logs and browser histories. */
const CREDENTIAL_PARAMETER = /key|token|secret|auth|password|signature/i;

/** The ticket after a request, as the API answers it (the webhooks' version-1 shape: redacted texts only). */
function ticketAnswer(ticket: Ticket, status = 200): PsaAnswer {
    return { status, body: JSON.stringify({ ticket: webhookTicket(ticket) }) };
}

/** Authenticated, within its rate, and allowed `scope`; or the answer that says why not. */
function admit(req: Request, options: PsaApiOptions, scope: PsaScope): PsaKey | PsaAnswer {
    if (Object.keys((req.query ?? {}) as object).some((name) => CREDENTIAL_PARAMETER.test(name))) {
        return problem(400, 'key-in-url', 'Send the API key in the Authorization header (Bearer), never in the URL; a key that was in a URL should be replaced.');
    }
    const auth = options.keys.authenticate(req.header('authorization'));
    if ('refused' in auth) {
        const challenge = auth.refused === 'unknown' ? 'Bearer realm="psa", error="invalid_token"' : 'Bearer realm="psa"';
        return problem(401, 'unauthorized', 'A valid API key is required: Authorization: Bearer <key>.', { 'WWW-Authenticate': challenge });
    }
    const wait = options.limiter.take(auth.key.name);
    if (wait > 0) return problem(429, 'rate-limited', `Too many requests for this API key; try again in ${wait} s.`, { 'Retry-After': String(wait) });
    if (!auth.key.scopes.includes(scope)) {
        return problem(403, 'forbidden', `This API key lacks the scope ${scope}.`, { 'WWW-Authenticate': `Bearer realm="psa", error="insufficient_scope", scope="${scope}"` });
    }
    return auth.key;
}

/** The request's JSON body, parsed by `schema`; or the answer that says what is wrong with it. */
function parseBody<T extends z.ZodType>(req: Request, schema: T): z.infer<T> | PsaAnswer {
    const text = typeof req.body === 'string' ? req.body : '';
    if (!/^application\/json\s*(;|$)/i.test(req.header('content-type') ?? '')) return problem(415, 'unsupported-media-type', 'Send the body as application/json.');
    if (Buffer.byteLength(text) > PSA_MAX_BODY_BYTES) return problem(413, 'payload-too-large', `The body is larger than ${PSA_MAX_BODY_BYTES} bytes.`);
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        return problem(400, 'invalid-json', 'The body is not JSON.');
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    return problem(400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}

const isAnswer = (value: unknown): value is PsaAnswer => typeof value === 'object' && value !== null && 'status' in value && 'body' in value && typeof (value as PsaAnswer).body === 'string';

type Change = (ticket: Ticket, actor: Actor, alongside: Alongside) => Promise<ActionResult>;

/**
 * The partner's PSA API under /api/psa/v1 (see psaOpenApi.ts): read a ticket and its history,
 * add a public comment, change its status, as the API key's name. Registered only when keys are configured.
 */
export function registerPsaApi(server: Server, options: PsaApiOptions): void {
    if (!options.keys.enabled) return;
    const document = JSON.stringify(psaOpenApi());
    /** The ticket with this number; a malformed number is as unknown as a missing one. */
    const findTicket = async (number: string): Promise<Ticket | undefined> => (TicketNumberSchema.safeParse(number).success ? options.tickets.findByNumber(number) : undefined);

    server.get(`${PSA_API_BASE}/openapi.json`, async (_req: Request, res: Response) => {
        sendAnswer(res, { status: 200, body: document });
    });

    server.get(`${PSA_API_BASE}/tickets/:number`, async (req: Request, res: Response) => {
        const key = admit(req, options, 'tickets:read');
        if (isAnswer(key)) return sendAnswer(res, key);
        const number = String(req.params.number);
        const ticket = await findTicket(number);
        sendAnswer(res, ticket ? ticketAnswer(ticket) : refusalProblem('not-found', number));
    });

    server.get(`${PSA_API_BASE}/tickets/:number/events`, async (req: Request, res: Response) => {
        const key = admit(req, options, 'tickets:read');
        if (isAnswer(key)) return sendAnswer(res, key);
        const number = String(req.params.number);
        const ticket = await findTicket(number);
        if (!ticket) return sendAnswer(res, refusalProblem('not-found', number));
        const events = (await options.tickets.events(ticket.id)).map(psaEvent);
        sendAnswer(res, { status: 200, body: JSON.stringify({ events }) });
    });

    /** A change to a ticket, once per Idempotency-Key; the answer is the ticket after it. */
    const change = <T extends z.ZodType>(scope: PsaScope, schema: T, created: number, act: (body: z.infer<T>) => Change) => async (req: Request, res: Response) => {
        const key = admit(req, options, scope);
        if (isAnswer(key)) return sendAnswer(res, key);
        const idempotencyKey = IdempotencyKeySchema.safeParse(req.header('idempotency-key'));
        if (!idempotencyKey.success) return sendAnswer(res, problem(400, 'idempotency-key-required', 'Send an Idempotency-Key header (1-255 visible ASCII characters, e.g. a UUID) with every POST.'));
        const body = parseBody(req, schema);
        if (isAnswer(body)) return sendAnswer(res, body);
        const number = String(req.params.number);
        const request = { scope: key.name, key: idempotencyKey.data, requestHash: requestHash(req.method ?? 'POST', req.path(), body) };
        const { answer, replayed } = await options.idempotency.execute(request, async (keep: KeepAnswer) => {
            const ticket = await findTicket(number);
            if (!ticket) return refusalProblem('not-found', number);
            const actor: Actor = { kind: 'psa', id: key.name, name: key.name };
            const result = await act(body)(ticket, actor, (trx, done) => keep(ticketAnswer(done.ticket, created), trx));
            return result.ok ? ticketAnswer(result.ticket, created) : refusalProblem(result.reason, number);
        });
        options.logger.info({ psa: { key: key.name, route: req.getRoute()?.path, status: answer.status, replayed } }, 'psa api change');
        sendAnswer(res, answer, replayed);
    };

    server.post(`${PSA_API_BASE}/tickets/:number/comments`, change('tickets:comment', CommentRequestSchema, 201, (body) => (ticket, actor, alongside) => options.work.reply(ticket.id, actor, body.text, alongside)));
    server.post(`${PSA_API_BASE}/tickets/:number/status`, change('tickets:status', StatusRequestSchema, 200, (body) => (ticket, actor, alongside) => options.work.setStatus(ticket.id, actor, body.status, body.text ?? '', alongside)));
}
