import type { Next, Request, Response } from 'restify';
import { edgeError, refuseBody } from './refusal';

/** True for a Content-Encoding that means "not encoded": absent, or identity only. */
function isIdentity(header: string | undefined): boolean {
    return header === undefined || header.split(',').every((coding) => coding.trim().toLowerCase() === 'identity');
}

/**
 * A `server.pre` handler: refuses any request whose body is compressed with 415, before
 * anything reads the body. No Bot Framework channel compresses what it posts, and inflating
 * would let a small body exceed MAX_BODY_BYTES many times over (restify's gzip reader also had
 * no error handler: one malformed body stopped the process).
 */
export function refuseEncodedBodies(maxBodyBytes: number) {
    return (req: Request, res: Response, next: Next): void => {
        if (isIdentity(req.headers['content-encoding'])) return next();
        res.header('Accept-Encoding', 'identity');
        refuseBody(req, res, maxBodyBytes, 415, edgeError(req, 'UnsupportedMediaType', 'content encoding is not supported: send the body uncompressed'));
        return next(false);
    };
}
