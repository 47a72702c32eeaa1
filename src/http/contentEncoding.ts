import type { Next, Request, Response } from 'restify';
import { refuseBody } from './refusal';

/** True when every coding in the header is one of `allowed` (or there is no header). */
function onlyCodings(header: string | undefined, allowed: string[]): boolean {
    return header === undefined || header.split(',').every((coding) => allowed.includes(coding.trim().toLowerCase()));
}

/**
 * A `server.pre` handler: refuses any request whose body is compressed (Content-Encoding
 * other than identity, or a transfer coding other than chunked) with 415, before
 * anything reads the body. No Bot Framework channel compresses what it posts, and inflating
 * would let a small body exceed MAX_BODY_BYTES many times over (restify's gzip reader also had
 * no error handler: one malformed body stopped the process).
 */
export function refuseEncodedBodies(maxBodyBytes: number) {
    return (req: Request, res: Response, next: Next): void => {
        // Node frames chunked bodies but hands other transfer codings (gzip, chunked) over undecoded.
        if (onlyCodings(req.headers['content-encoding'], ['identity']) && onlyCodings(req.headers['transfer-encoding'], ['chunked'])) return next();
        res.header('Accept-Encoding', 'identity');
        refuseBody(req, res, maxBodyBytes, { status: 415, code: 'UnsupportedMediaType', message: 'content encoding is not supported: send the body uncompressed' });
        return next(false);
    };
}
