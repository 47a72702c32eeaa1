import type { Request, Response } from 'restify';

/**
 * How much of a refused body is read and thrown away, as a multiple of the body limit, before
 * the connection is closed: enough for an ordinary client to finish sending and read the
 * answer on a kept-alive connection, not enough to tie the connection up with an endless body.
 */
const DISCARD_FACTOR = 8;

/** Direct Line clients (Web Chat) read `{ error: { code, message } }`; everything else `{ error }`. */
export function edgeError(req: Request, code: string, message: string): object {
    return req.path().startsWith('/v3/directline/') ? { error: { code, message } } : { error: message };
}

/**
 * Answers `status` with `error` (see edgeError) before (or instead of) reading the request body:
 * the rest of the body is read and discarded up to a bound, then the connection is closed.
 */
export function refuseBody(req: Request, res: Response, maxBodyBytes: number, status: number, error: object): void {
    let discarded = 0;
    const limit = DISCARD_FACTOR * maxBodyBytes;
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > limit) req.socket.destroy();
    });
    req.resume();
    if (!res.headersSent) res.send(status, error);
}
