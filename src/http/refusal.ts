import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'restify';

/**
 * How much of a refused body is read and thrown away, as a multiple of the body limit, before
 * the connection is closed: enough for an ordinary client to finish sending and read the
 * answer on a kept-alive connection, not enough to tie the connection up with an endless body.
 */
const DISCARD_FACTOR = 8;

/** A request refused before (or instead of) its route: the status, what to tell the caller, and a Direct Line error code for refusals Web Chat reads. */
export interface EdgeRefusal {
    status: number;
    message: string;
    code?: string;
}

/** The `code` of a refusal on a path whose clients read RFC 9457 problems. */
const PROBLEM_CODES: Record<number, string> = {
    400: 'invalid-request',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    429: 'rate-limited',
    503: 'unavailable',
};

/** Paths whose clients read application/problem+json (the partner's PSA API). */
const PROBLEM_PATH = '/api/psa/';

/**
 * Sends a refusal in the shape the path's clients read: Direct Line clients (Web Chat)
 * `{ error: { code, message } }` for refusals with a code, the PSA API
 * application/problem+json, everything else `{ error }`.
 */
export function sendRefusal(req: Request, res: Response, refusal: EdgeRefusal): void {
    if (res.headersSent) return;
    const { status, code, message } = refusal;
    if (req.path().startsWith(PROBLEM_PATH)) {
        const problem = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code: PROBLEM_CODES[status] ?? 'internal-error', detail: message };
        return void res.sendRaw(status, JSON.stringify(problem), { 'Content-Type': 'application/problem+json; charset=utf-8' });
    }
    res.send(status, code && req.path().startsWith('/v3/directline/') ? { error: { code, message } } : { error: message });
}

/**
 * Sends `refusal` (see sendRefusal) before (or instead of) reading the request body: the rest
 * of the body is read and discarded up to a bound, then the connection is closed.
 */
export function refuseBody(req: Request, res: Response, maxBodyBytes: number, refusal: EdgeRefusal): void {
    let discarded = 0;
    const limit = DISCARD_FACTOR * maxBodyBytes;
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > limit) req.socket.destroy();
    });
    req.resume();
    sendRefusal(req, res, refusal);
}
