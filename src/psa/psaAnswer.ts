import { STATUS_CODES } from 'node:http';
import type { Response } from 'restify';
import type { ActionResult } from '../tickets/ticketActions';

/** An answer of the PSA API: status and JSON text, kept as text so that a replay is the same bytes. */
export interface PsaAnswer {
    status: number;
    body: string;
    headers?: Record<string, string>;
}

/** Why a request failed, in a word the caller's code can switch on (the `code` member of the problem). */
export const PROBLEM_CODES = [
    'unauthorized', 'forbidden', 'key-in-url', 'rate-limited', 'unsupported-media-type', 'payload-too-large', 'invalid-json', 'invalid-request',
    'idempotency-key-required', 'idempotency-key-reused', 'ticket-not-found', 'unchanged', 'ticket-closed', 'not-resolved', 'not-allowed', 'text-required',
    // Refused before the API's routes (see http/refusal.ts): no such route or method, shutting down, a failure of ours.
    'not-found', 'method-not-allowed', 'unavailable', 'internal-error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** An RFC 9457 problem (application/problem+json), with our `code`. */
export function problem(status: number, code: ProblemCode, detail: string, headers?: Record<string, string>): PsaAnswer {
    return { status, body: JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code, detail }), headers };
}

/** A refused ticket action as a problem: unknown ticket 404, lifecycle conflicts 409, a missing text 422. */
export function refusalProblem(reason: Extract<ActionResult, { ok: false }>['reason'], number: string): PsaAnswer {
    switch (reason) {
        case 'not-found':
            return problem(404, 'ticket-not-found', `There is no ticket ${number}.`);
        case 'unchanged':
            return problem(409, 'unchanged', `Ticket ${number} already has that status.`);
        case 'closed':
            return problem(409, 'ticket-closed', `Ticket ${number} is closed; reopen it first (set an open status).`);
        case 'not-resolved':
            return problem(409, 'not-resolved', `Ticket ${number} must be resolved before it is closed.`);
        case 'reopen-window-passed':
        case 'not-allowed':
            return problem(409, 'not-allowed', `That change is not allowed on ticket ${number}.`);
        case 'needs-text':
            return problem(422, 'text-required', 'This change needs a text for the customer (`text`).');
    }
}

/** Sends an answer as it is: JSON for success, problem+json for errors; never cached. */
export function sendAnswer(res: Response, answer: PsaAnswer, replayed = false): void {
    const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
    res.sendRaw(answer.status, answer.body, {
        'Content-Type': `${type}; charset=utf-8`,
        'Cache-Control': 'no-store',
        ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        ...answer.headers,
    });
}
