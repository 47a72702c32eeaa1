import type { Request } from 'restify';

/** Why a body could not be read: larger than allowed (declared or as it arrived), or the client went away. */
export type RawBodyFailure = 'too-large' | 'aborted';

/**
 * Reads a request body as bytes, for the one route that takes files (see
 * DirectLineUploads); every other route gets its body from readBody, as text, with
 * MAX_BODY_BYTES. The limit is enforced as the bytes arrive, so nothing larger is ever held.
 */
export function readRawBody(req: Request, maxBytes: number): Promise<Buffer | RawBodyFailure> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) return Promise.resolve('too-large');
    return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        let received = 0;
        let settled = false;
        const settle = (result: Buffer | RawBodyFailure): void => {
            if (settled) return;
            settled = true;
            resolve(result);
        };
        req.on('data', (chunk: Buffer) => {
            if (settled) return;
            received += chunk.length;
            if (received <= maxBytes) return void chunks.push(chunk);
            chunks.length = 0;
            settle('too-large');
        });
        req.once('end', () => settle(Buffer.concat(chunks)));
        req.once('error', () => settle('aborted'));
        req.once('aborted', () => settle('aborted'));
    });
}
