import { createHmac, randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { clientKey } from '../http/clientAddress';
import type { Logger } from '../logger';
import { DirectLineLimitError } from './directLineLimits';
import { parseJson, type LocalDirectLine } from './localDirectLine';
import type { RateLimiter } from './rateLimiter';

/** What the page may send: the visitor key it keeps in the browser (a random secret of its own). */
const TokenRequestSchema = z.object({ visitor: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/).optional() }).catch({});

/**
 * The visitor's Direct Line user id: derived from the key the browser keeps (so the same
 * visitor is the same user on their next visit, and sees their tickets' news), or random. The
 * derivation uses a server secret, so nobody can choose a user id, only present a key.
 */
export function visitorUserId(visitorSecret: string | undefined, visitor: string | undefined): string {
    if (!visitorSecret || !visitor) return `dl_${randomBytes(12).toString('hex')}`;
    return `dl_${createHmac('sha256', visitorSecret).update(visitor).digest('hex').slice(0, 24)}`;
}

const GeneratedTokenSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() });

export interface DirectLineTokenOptions {
    /** Azure Bot Service's Direct Line secret; when absent the built-in Direct Line is used. */
    secret?: string;
    /** Direct Line service origin, e.g. https://directline.botframework.com. */
    endpoint: string;
    local: LocalDirectLine;
    limiter: RateLimiter;
    logger: Logger;
    timeoutMs?: number;
    /** Proxies in front whose X-Forwarded-For entry names the client (see clientAddress). */
    trustedProxyHops?: number;
    /** Server secret that turns a visitor key into a stable user id (see visitorUserId); without it every visit is a new user. */
    visitorSecret?: string;
}

/** A token of the built-in Direct Line, or 503 with Retry-After while its conversations are all live (or its memory full). */
function issueLocal(local: LocalDirectLine, res: Response, userId: string): void {
    try {
        res.send(200, { ...local.issueToken(userId), local: true });
    } catch (err) {
        if (!(err instanceof DirectLineLimitError)) throw err;
        res.header('Retry-After', '60');
        res.send(503, { error: err.message });
    }
}

/**
 * POST /api/directline/token: a Direct Line conversation token for the browser, bound to a
 * generated `dl_` user id. With a secret it is exchanged with Azure Bot Service (the secret
 * never reaches the browser); without one the built-in Direct Line issues it. Rate-limited
 * per client (see clientKey).
 */
export function registerDirectLineToken(server: Server, options: DirectLineTokenOptions): void {
    server.post('/api/directline/token', async (req: Request, res: Response) => {
        const client = clientKey(req, options.trustedProxyHops ?? 0);
        if (!options.limiter.allow(`token:${client}`)) {
            res.header('Retry-After', '60');
            return void res.send(429, { error: 'too many token requests; try again in a minute' });
        }
        res.header('Cache-Control', 'no-store');
        const userId = visitorUserId(options.visitorSecret, TokenRequestSchema.parse(parseJson(req.body) ?? {}).visitor);
        if (!options.secret) return issueLocal(options.local, res, userId);
        try {
            const response = await fetch(`${options.endpoint}/v3/directline/tokens/generate`, {
                method: 'POST',
                headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
                body: JSON.stringify({ user: { id: userId } }),
                signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
            });
            if (!response.ok) throw new Error(`Direct Line answered ${response.status}`);
            const generated = GeneratedTokenSchema.parse(await response.json());
            res.send(200, { ...generated, userId, domain: `${options.endpoint}/v3/directline` });
        } catch (err) {
            options.logger.warn({ err: { message: (err as Error).message } }, 'Direct Line token exchange failed');
            res.send(502, { error: 'the chat service is unavailable; please try again shortly' });
        }
    });
}
