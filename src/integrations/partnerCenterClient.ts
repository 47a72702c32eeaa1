/**
 * Partner Center REST client for service requests (App+User token):
 * GET /v1/servicerequests/supporttopics, POST /v1/servicerequests/{agent-locale},
 * GET /v1/servicerequests/{id}.
 *
 * It runs inside outbox deliveries, so it speaks the outbox's error contract: 401 → the
 * token is refreshed once and the call repeated, then PermanentDeliveryError; 429 →
 * RetryableDeliveryError with the Retry-After delay; 5xx, timeouts and network errors →
 * RetryableDeliveryError; other 4xx and unreadable answers → PermanentDeliveryError.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PermanentDeliveryError, RetryableDeliveryError } from '../outbox/outboxTypes';
import { TokenError, type TokenSource } from './entraTokens';

/** A topic a service request can be filed under. */
export interface SupportTopic {
    id: string;
    name: string;
    description: string;
}

export const SERVICE_REQUEST_SEVERITIES = ['critical', 'moderate', 'minimal'] as const;
export type ServiceRequestSeverity = (typeof SERVICE_REQUEST_SEVERITIES)[number];

/** The ServiceRequest resource as the bot files it (Partner Center's PascalCase request shape). */
export interface NewServiceRequest {
    Title: string;
    Description: string;
    Severity: ServiceRequestSeverity;
    SupportTopicId: string;
    SupportTopicName: string;
    PrimaryContact: { FirstName: string; LastName: string; Email: string; PhoneNumber?: string };
    Attributes: { ObjectType: 'ServiceRequest' };
}

/** What the bot keeps of a filed request. */
export interface ServiceRequestState {
    id: string;
    /** none, open, closed or attention_needed. */
    status: string;
    lastModifiedDate?: string;
}

export interface PartnerCenterOptions {
    /** e.g. https://api.partnercenter.microsoft.com */
    baseUrl: string;
    tokens: TokenSource;
    /** Upper bound for one HTTP call, in ms. Default 15 s. */
    timeoutMs?: number;
    /** How long the support topic list is reused, in ms. Default 24 h. */
    topicsCacheMs?: number;
}

const TopicsSchema = z.object({
    items: z.array(z.object({ id: z.union([z.string().min(1), z.number()]).transform(String), name: z.string().min(1), description: z.string().nullish() })),
});
const ServiceRequestSchema = z.object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    status: z.string().min(1).transform((s) => s.toLowerCase()),
    lastModifiedDate: z.string().nullish(),
});

/** The Partner Center calls the bot makes; see the module comment for the error contract. */
export class PartnerCenterClient {
    private readonly timeoutMs: number;
    private readonly topicsCacheMs: number;
    private topics?: { items: SupportTopic[]; until: number };

    constructor(private readonly options: PartnerCenterOptions) {
        this.timeoutMs = options.timeoutMs ?? 15_000;
        this.topicsCacheMs = options.topicsCacheMs ?? 24 * 3_600_000;
    }

    /** The valid support topics (cached). */
    async supportTopics(): Promise<SupportTopic[]> {
        if (this.topics && Date.now() < this.topics.until) return this.topics.items;
        const body = parse(TopicsSchema, await this.call('GET', '/v1/servicerequests/supporttopics'), 'supporttopics');
        const items = body.items.map((t) => ({ id: t.id, name: t.name, description: t.description ?? '' }));
        this.topics = { items, until: Date.now() + this.topicsCacheMs };
        return items;
    }

    /** Files a service request. `requestId` (MS-RequestId) makes a repeated call a no-op at Partner Center. */
    async create(request: NewServiceRequest, agentLocale: string, requestId: string): Promise<ServiceRequestState> {
        const body = await this.call('POST', `/v1/servicerequests/${encodeURIComponent(agentLocale)}`, { body: request, requestId, locale: agentLocale });
        return toState(parse(ServiceRequestSchema, body, 'create'));
    }

    /** A filed request's current status. */
    async get(serviceRequestId: string): Promise<ServiceRequestState> {
        return toState(parse(ServiceRequestSchema, await this.call('GET', `/v1/servicerequests/${encodeURIComponent(serviceRequestId)}`), 'get'));
    }

    /** One call; on 401 the token is refreshed and the call made once more. */
    private async call(method: 'GET' | 'POST', path: string, extra: { body?: unknown; requestId?: string; locale?: string } = {}): Promise<unknown> {
        let res = await this.send(method, path, extra, false);
        if (res.status === 401) {
            await res.body?.cancel();
            res = await this.send(method, path, extra, true);
            if (res.status === 401) {
                await res.body?.cancel();
                throw new PermanentDeliveryError(`PartnerCenterClient: ${method} ${path} answered 401 after a token refresh`);
            }
        }
        if (!res.ok) throw await errorOf(res, `${method} ${path}`);
        return res.json().catch(() => {
            throw new PermanentDeliveryError(`PartnerCenterClient: ${method} ${path} answered ${res.status} without JSON`);
        });
    }

    private async send(method: string, path: string, extra: { body?: unknown; requestId?: string; locale?: string }, forceRefresh: boolean): Promise<Response> {
        const token = await this.options.tokens.getToken({ forceRefresh }).catch((err: unknown) => {
            if (err instanceof TokenError && err.permanent) throw new PermanentDeliveryError(`PartnerCenterClient: ${err.message}`);
            throw new RetryableDeliveryError(`PartnerCenterClient: ${err instanceof Error ? err.message : 'token request failed'}`);
        });
        const headers: Record<string, string> = {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'ms-requestid': extra.requestId ?? randomUUID(),
            'ms-correlationid': randomUUID(),
            ...(extra.locale ? { 'x-locale': extra.locale } : {}),
            ...(extra.body !== undefined ? { 'content-type': 'application/json' } : {}),
        };
        const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
        try {
            return await fetch(url, { method, headers, body: extra.body === undefined ? undefined : JSON.stringify(extra.body), signal: AbortSignal.timeout(this.timeoutMs) });
        } catch (err) {
            const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
            throw new RetryableDeliveryError(`PartnerCenterClient: ${method} ${path} ${timedOut ? `timed out after ${this.timeoutMs} ms` : 'could not connect'}`);
        }
    }
}

async function errorOf(res: Response, what: string): Promise<Error> {
    const detail = await res
        .json()
        .then((b: unknown) => (typeof b === 'object' && b !== null ? ((b as Record<string, unknown>).description ?? (b as Record<string, unknown>).errorName) : undefined))
        .catch(() => undefined);
    const message = `PartnerCenterClient: ${what} answered ${res.status}${typeof detail === 'string' ? `: ${detail.slice(0, 300)}` : ''}`;
    if (res.status === 429) return new RetryableDeliveryError(message, retryAfterMs(res.headers.get('retry-after')));
    if (res.status >= 500 || res.status === 408) return new RetryableDeliveryError(message);
    return new PermanentDeliveryError(message);
}

/** Retry-After as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
    if (!header) return undefined;
    if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Partner Center answers in camelCase; older responses used PascalCase: accept both. */
function camelKeys(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
}

function parse<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
    const normalized = camelKeys(body) as Record<string, unknown>;
    const input = Array.isArray(normalized.items) ? { ...normalized, items: normalized.items.map(camelKeys) } : normalized;
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new PermanentDeliveryError(`PartnerCenterClient: unexpected ${what} answer`);
    return parsed.data;
}

function toState(sr: z.infer<typeof ServiceRequestSchema>): ServiceRequestState {
    return { id: sr.id, status: sr.status, ...(sr.lastModifiedDate ? { lastModifiedDate: sr.lastModifiedDate } : {}) };
}
