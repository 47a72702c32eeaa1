import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { Webhook } from 'standardwebhooks';
import { LoopbackServer } from './loopbackServer';

/** One request as the receiver saw it, and what it answered (0 while hanging or when the sender went away). */
export interface ReceivedRequest {
    deliveryId: string;
    /** The Standard Webhooks message id (webhook-id). */
    webhookId: string;
    event: string;
    /** The verification recipe from the README passed (signature and a fresh timestamp). */
    verified: boolean;
    /** A stock Standard Webhooks verifier (the `standardwebhooks` package) accepted it too. */
    standardVerified: boolean;
    body: unknown;
    answered: number;
    /** performance.now() when the request's body had arrived (same clock as the sender's, in one process). */
    at: number;
}

/**
 * The README's recipe: recompute HMAC-SHA256 over `${X-CSP-Timestamp}.${raw body}` with the
 * shared secret, compare in constant time with X-CSP-Signature, and refuse timestamps more
 * than five minutes away (replays).
 */
export function verifyWebhook(secret: string, headers: http.IncomingHttpHeaders, rawBody: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    const timestamp = String(headers['x-csp-timestamp'] ?? '');
    const signature = String(headers['x-csp-signature'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What a stock receiver does, with the `standardwebhooks` package (the specification's own
 * JavaScript library): given the secret as `whsec_` + base64 (the README says how to get it
 * from WEBHOOK_SECRET), it checks webhook-signature over `${webhook-id}.${webhook-timestamp}.${raw body}`
 * and the timestamp's freshness.
 */
export function verifyStandardWebhook(secret: string, headers: http.IncomingHttpHeaders, rawBody: string): boolean {
    const whsec = secret.startsWith('whsec_') ? secret : `whsec_${Buffer.from(secret, 'utf8').toString('base64')}`;
    const given = { 'webhook-id': String(headers['webhook-id'] ?? ''), 'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''), 'webhook-signature': String(headers['webhook-signature'] ?? '') };
    try {
        new Webhook(whsec).verify(rawBody, given);
        return true;
    } catch {
        return false;
    }
}

/**
 * A partner's PSA/ITSM endpoint: accepts signed ticket webhooks (POST JSON, X-CSP-* headers)
 * and can be told to fail the next N requests, answer 429 with Retry-After, answer a fixed
 * status, hang, or fail at random.
 */
export class FakeWebhookReceiver {
    readonly requests: ReceivedRequest[] = [];
    /** Status for every request while set (e.g. 400), after failures are used up. */
    fixedStatus?: number;
    /** Keep requests open without answering. */
    hang = false;
    /** Probability in [0, 1] of answering 503 to a request (for benchmarks). */
    flakyRate = 0;
    random: () => number = Math.random;
    private failures: Array<{ status: number; retryAfter?: string }> = [];
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res), { keepAliveTimeoutMs: 60_000 });
    private readonly waiters = new Set<() => void>();

    constructor(readonly secret: string) {}

    async start(): Promise<string> {
        await this.http.start();
        return this.url;
    }

    get url(): string {
        return `${this.http.origin}/hooks/tickets`;
    }

    async stop(): Promise<void> {
        await this.http.stop();
    }

    /** The next `count` requests get `status` (503 by default), with Retry-After when given. */
    failNext(count: number, status = 503, retryAfter?: string): void {
        for (let i = 0; i < count; i++) this.failures.push({ status, retryAfter });
    }

    /** Requests answered 2xx: what the receiver took in. */
    accepted(): ReceivedRequest[] {
        return this.requests.filter((r) => r.answered >= 200 && r.answered < 300);
    }

    /** Resolves once `predicate` holds (checked on every request); rejects after `timeoutMs` with what was seen. */
    async waitFor(predicate: (r: FakeWebhookReceiver) => boolean, timeoutMs = 15_000): Promise<void> {
        if (predicate(this)) return;
        await new Promise<void>((resolve, reject) => {
            const check = (): void => {
                if (!predicate(this)) return;
                cleanup();
                resolve();
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`FakeWebhookReceiver.waitFor(): still waiting after ${timeoutMs} ms; answered: ${this.requests.map((r) => r.answered).join(',')}`));
            }, timeoutMs);
            const cleanup = (): void => {
                clearTimeout(timer);
                this.waiters.delete(check);
            };
            this.waiters.add(check);
        });
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const record: ReceivedRequest = {
                deliveryId: String(req.headers['x-csp-delivery'] ?? ''),
                webhookId: String(req.headers['webhook-id'] ?? ''),
                event: String(req.headers['x-csp-event'] ?? ''),
                verified: req.method === 'POST' && verifyWebhook(this.secret, req.headers, raw),
                standardVerified: req.method === 'POST' && verifyStandardWebhook(this.secret, req.headers, raw),
                body: safeJson(raw),
                answered: 0,
                at: performance.now(),
            };
            this.requests.push(record);
            if (this.hang) {
                this.notify();
                return;
            }
            const answer = (status: number, headers: Record<string, string> = {}): void => {
                record.answered = status;
                // Separate calls: restify, loaded in the same process, patches writeHead to return nothing.
                res.writeHead(status, { 'content-type': 'application/json', ...headers });
                res.end(JSON.stringify({ ok: status < 300 }));
                this.notify();
            };
            const failure = this.failures.shift();
            if (failure) return answer(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
            if (this.fixedStatus) return answer(this.fixedStatus);
            if (this.flakyRate > 0 && this.random() < this.flakyRate) return answer(503);
            answer(record.verified ? 200 : 401);
        });
    }

    private notify(): void {
        for (const waiter of [...this.waiters]) waiter();
    }
}

function safeJson(raw: string): unknown {
    try {
        return JSON.parse(raw) as unknown;
    } catch {
        return undefined;
    }
}
