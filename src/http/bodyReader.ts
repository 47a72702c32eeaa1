import type { Next, Request, Response } from 'restify';
import { jsonBoundsViolation } from './jsonBounds';
import { refuseBody, sendRefusal, type EdgeRefusal } from './refusal';

const tooLarge = (maxBodyBytes: number): EdgeRefusal => ({ status: 413, code: 'MessageSizeTooBig', message: `request body too large: the limit is ${maxBodyBytes} bytes` });

/**
 * Reads the request body into `req.body` (a UTF-8 string) for the routes, with MAX_BODY_BYTES
 * enforced as the bytes arrive: a declared Content-Length over the limit is refused with 413
 * before reading, and a chunked body (no Content-Length) as soon as it passes the limit, so
 * that nothing larger than the limit is ever held. Bodies are never inflated (see
 * refuseEncodedBodies). A body nested deeper or holding more values than JSON_BOUNDS is
 * refused with 400 here, for every route, before any parser or serialiser walks it.
 * Routes named in `ownBodyRoutes` (route paths, e.g. the Direct Line upload) read their
 * bytes themselves, with a limit of their own (see readRawBody).
 */
export function readBody(maxBodyBytes: number, ownBodyRoutes: ReadonlySet<string> = new Set()) {
    return (req: Request, res: Response, next: Next): void => {
        const route = req.getRoute()?.path;
        if (typeof route === 'string' && ownBodyRoutes.has(route)) return next();
        const declared = Number(req.headers['content-length'] ?? 0);
        if (req.headers['transfer-encoding'] === undefined && !(declared > 0)) return next();
        if (declared > maxBodyBytes) {
            refuseBody(req, res, maxBodyBytes, tooLarge(maxBodyBytes));
            return next(false);
        }
        const chunks: Buffer[] = [];
        let received = 0;
        let settled = false;
        const settle = (proceed: boolean): void => {
            if (settled) return;
            settled = true;
            next(proceed ? undefined : false);
        };
        req.on('data', (chunk: Buffer) => {
            if (settled) return;
            received += chunk.length;
            if (received <= maxBodyBytes) return void chunks.push(chunk);
            chunks.length = 0;
            refuseBody(req, res, maxBodyBytes, tooLarge(maxBodyBytes));
            settle(false);
        });
        req.once('end', () => {
            if (settled) return;
            const text = Buffer.concat(chunks).toString('utf8');
            const violation = jsonBoundsViolation(text);
            if (violation) {
                sendRefusal(req, res, { status: 400, code: 'BadArgument', message: violation });
                return settle(false);
            }
            req.body = text;
            settle(true);
        });
        // A client that goes away mid-body gets no answer; the chain stops here.
        req.once('error', () => settle(false));
        req.once('aborted', () => settle(false));
    };
}
