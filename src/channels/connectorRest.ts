import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity, ResourceResponse } from 'botbuilder';
import { z } from 'zod';

/** What signs a request to the channel: botframework-connector's credentials (AppCredentials). */
export interface RequestSigner {
    signRequest(request: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

/** A channel's answer to a send or an update: the id it gave the activity, if any. */
const ResourceResponseSchema = z.object({ id: z.string().optional() }).passthrough();

/** Status codes worth another try: throttled, or the channel briefly unavailable. */
const RETRIED_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRIED_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const MAX_ATTEMPTS = 4;
/** Longest wait honoured from a Retry-After header. */
const MAX_RETRY_AFTER_MS = 10_000;
const TIMEOUT_MS = 30_000;

const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/** A request the channel refused or that never got an answer; `statusCode` as the SDK's RestError has it. */
export class ChannelRequestError extends Error {
    constructor(
        message: string,
        readonly statusCode?: number,
        readonly code?: string,
    ) {
        super(message);
        this.name = 'ChannelRequestError';
    }
}

interface Answer {
    status: number;
    body: string;
    retryAfter?: string;
}

function request(method: string, url: URL, headers: Record<string, string>, body: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const protocol = url.protocol === 'https:' ? https : http;
        const req = protocol.request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: agents[url.protocol as keyof typeof agents], timeout: TIMEOUT_MS }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfter: res.headers['retry-after'] }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('the channel did not answer in time'), { code: 'ETIMEDOUT' })));
        req.on('error', reject);
        req.end(body);
    });
}

function retryDelay(attempt: number, retryAfter: string | undefined): number {
    const seconds = Number(retryAfter);
    if (retryAfter && Number.isFinite(seconds)) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
    return 250 * 2 ** (attempt - 1) + Math.floor(Math.random() * 100);
}

/**
 * The Bot Framework connector's REST contract for what a bot says in a turn — POST
 * /v3/conversations/{id}/activities[/{replyToId}] and PUT …/activities/{id} — as one JSON
 * request on a kept-alive connection, signed by the connector's own credentials. The SDK's
 * ConnectorClient sends the same requests through a general pipeline (operation specs,
 * model serialisation, policies), which cost more CPU than the rest of an echo turn. Throttling
 * (429 with Retry-After) and brief outages are retried as that pipeline does.
 */
export class ConnectorRest {
    constructor(
        private readonly baseUrl: string,
        private readonly signer: RequestSigner,
        private readonly userAgent = 'csp-support-bot',
    ) {}

    /** Sends an activity to the conversation (as a reply when it has replyToId). */
    async send(activity: Partial<Activity>): Promise<ResourceResponse> {
        const conversation = encodeURIComponent(activity.conversation?.id ?? '');
        const path = activity.replyToId ? `v3/conversations/${conversation}/activities/${encodeURIComponent(activity.replyToId)}` : `v3/conversations/${conversation}/activities`;
        return this.call('POST', path, activity);
    }

    /** Replaces an activity the bot sent earlier (a card answered). */
    async update(activity: Partial<Activity>): Promise<ResourceResponse> {
        return this.call('PUT', `v3/conversations/${encodeURIComponent(activity.conversation?.id ?? '')}/activities/${encodeURIComponent(activity.id ?? '')}`, activity);
    }

    private async call(method: 'POST' | 'PUT', path: string, activity: Partial<Activity>): Promise<ResourceResponse> {
        const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
        const body = JSON.stringify(activity);
        for (let attempt = 1; ; attempt++) {
            const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', 'user-agent': this.userAgent };
            await this.signer.signRequest({ headers: { set: (name, value) => void (headers[name.toLowerCase()] = value) } });
            let answer: Answer;
            try {
                answer = await request(method, url, headers, body);
            } catch (err) {
                const code = (err as { code?: string }).code;
                if (attempt < MAX_ATTEMPTS && code && RETRIED_ERRORS.has(code)) {
                    await sleep(retryDelay(attempt, undefined));
                    continue;
                }
                throw new ChannelRequestError(`ConnectorRest.${method === 'POST' ? 'send' : 'update'}(): ${(err as Error).message}`, undefined, code);
            }
            if (answer.status >= 200 && answer.status < 300) return { id: parseId(answer.body) ?? '' };
            if (attempt < MAX_ATTEMPTS && RETRIED_STATUS.has(answer.status)) {
                await sleep(retryDelay(attempt, answer.retryAfter));
                continue;
            }
            throw new ChannelRequestError(`ConnectorRest.${method === 'POST' ? 'send' : 'update'}(): the channel answered ${answer.status}`, answer.status);
        }
    }
}

function parseId(body: string): string | undefined {
    if (!body) return undefined;
    try {
        const parsed = ResourceResponseSchema.safeParse(JSON.parse(body));
        return parsed.success ? parsed.data.id : undefined;
    } catch {
        return undefined;
    }
}
