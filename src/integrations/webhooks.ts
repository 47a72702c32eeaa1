import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { redactPii } from '../understanding/piiRedaction';
import { standardWebhookHeaders } from './standardWebhooks';
import type { Ticket } from '../store/ticketRepository';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler, type OutboxMessage } from '../outbox/outboxTypes';

/** Events a webhook carries. */
export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Version of the body's shape; a breaking change gets a new number. */
export const WEBHOOK_SCHEMA_VERSION = 1;

/** The ticket as webhooks carry it (version 1); the PSA API answers with the same shape. */
export const TicketV1Schema = z.object({
    number: z.string(),
    status: z.string(),
    resolution: z.string().nullable(),
    severity: z.enum(['A', 'B', 'C']).nullable(),
    impact: z.string().nullable(),
    due_at: z.string().nullable(),
    due_basis: z.string().nullable(),
    category: z.string(),
    product: z.string(),
    kind: z.string().nullable(),
    language: z.string(),
    channel: z.string(),
    title_redacted: z.string(),
    description_redacted: z.string(),
    guidance_article_id: z.string().nullable(),
    support_plan_id: z.string().nullable(),
    /** `tenant_verified`: the tenant (and so the organisation) comes from Teams; otherwise the organisation is only what the visitor typed. */
    customer: z.object({ organisation: z.string().nullable(), tenant_id: z.string().nullable(), tenant_verified: z.boolean() }),
    partner_contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
    created_at: z.string(),
    updated_at: z.string(),
    /** The lifecycle (optional: messages stored before it existed lack it). */
    assignee_name: z.string().nullable().optional(),
    first_response_at: z.string().nullable().optional(),
    /** Whether the first response came by the due time; null while unanswered (or without a due time). */
    due_met: z.boolean().nullable().optional(),
    resolved_at: z.string().nullable().optional(),
    closed_at: z.string().nullable().optional(),
    resolution_text_redacted: z.string().nullable().optional(),
});

/** What changed: the ticket event, who made it (kind only), and the status before and after. */
const ChangeSchema = z.object({ type: z.string(), actor: z.string().nullable(), status_from: z.string().nullable(), status_to: z.string().nullable() });
export type WebhookChange = z.infer<typeof ChangeSchema>;

/**
 * The ticket as a webhook receiver sees it (version 1). The description is the redacted one
 * and the title is taken from it; the customer's own name and e-mail are not sent.
 */
export type WebhookTicketV1 = z.infer<typeof TicketV1Schema>;

/** What a 'webhook' outbox row holds: the target and the ticket as it was at the change. */
export const WebhookPayloadSchema = z.object({ url: z.url(), event: z.enum(WEBHOOK_EVENTS), occurred_at: z.string(), ticket: TicketV1Schema, change: ChangeSchema.optional() });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

/** The body POSTed to the receiver. */
export interface WebhookBody {
    schema_version: number;
    event: WebhookEvent;
    /** The idempotency key, also in X-CSP-Delivery: the same for every retry of this message. */
    delivery_id: string;
    occurred_at: string;
    ticket: WebhookTicketV1;
    change?: WebhookChange;
}

/** First sentence of the redacted description, at most 120 characters. */
function redactedTitle(descriptionRedacted: string): string {
    const first = (descriptionRedacted.trim().split(/(?<=[.!?])\s|\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
    return first.length <= 120 ? first : `${first.slice(0, 117)}...`;
}

/** The organisation as a customer typed it, with any personal data in it masked (a safety net: the dialog refuses e-mail addresses and phone numbers there). */
export function redactedOrganisation(organisation: string | null): string | null {
    return organisation === null ? null : redactPii(organisation).text;
}

/** A ticket row in the webhook's version-1 shape (never the raw description). */
export function webhookTicket(ticket: Ticket): WebhookTicketV1 {
    const severity = z.enum(['A', 'B', 'C']).safeParse(ticket.severity);
    const description = ticket.descriptionRedacted ?? '';
    return {
        number: ticket.number ?? '',
        status: ticket.status,
        resolution: ticket.resolution,
        severity: severity.success ? severity.data : null,
        impact: ticket.impact,
        due_at: ticket.dueAt,
        due_basis: ticket.dueBasis,
        category: ticket.category,
        product: ticket.product,
        kind: ticket.kind,
        language: ticket.language,
        channel: ticket.channelId,
        title_redacted: redactedTitle(description),
        description_redacted: description,
        guidance_article_id: ticket.guidanceArticleId,
        support_plan_id: ticket.supportPlanId,
        customer: { organisation: redactedOrganisation(ticket.customerOrganisation), tenant_id: ticket.customerTenantId, tenant_verified: ticket.customerTenantId !== null },
        partner_contact: { name: ticket.partnerContactName, email: ticket.partnerContactEmail, phone: ticket.partnerContactPhone },
        created_at: ticket.createdAt,
        updated_at: ticket.updatedAt,
        assignee_name: ticket.assigneeName,
        first_response_at: ticket.firstResponseAt,
        due_met: ticket.firstResponseAt && ticket.dueAt ? Date.parse(ticket.firstResponseAt) <= Date.parse(ticket.dueAt) : null,
        resolved_at: ticket.resolvedAt,
        closed_at: ticket.closedAt,
        resolution_text_redacted: ticket.resolutionText === null ? null : redactPii(ticket.resolutionText).text,
    };
}

/** X-CSP-Signature: "sha256=" + hex HMAC-SHA256 of `${timestamp}.${body}` under the shared secret. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
    return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
    if (!header) return undefined;
    const value = header.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export interface WebhookOptions {
    /** The configured receivers; a stored message for any other URL is not sent. */
    urls: string[];
    secret: string;
    timeoutMs: number;
    now?: () => Date;
    userAgent?: string;
}

/**
 * The outbox handler for 'webhook' messages: POSTs the ticket JSON, signed twice: X-CSP-Signature
 * (this project's recipe) and the Standard Webhooks headers (for stock receivers). 2xx delivers;
 * 408, 429, 5xx, network errors and timeouts are retried (Retry-After honoured); redirects
 * and other 4xx are permanent.
 */
export function createWebhookHandler(options: WebhookOptions): OutboxHandler {
    const now = options.now ?? (() => new Date());
    const allowed = new Set(options.urls);
    return async (message: OutboxMessage) => {
        const parsed = WebhookPayloadSchema.safeParse(message.payload);
        if (!parsed.success) throw new PermanentDeliveryError('webhook: stored payload does not match the version-1 shape');
        const { url, event, occurred_at, ticket, change } = parsed.data;
        if (!allowed.has(url)) throw new PermanentDeliveryError('webhook: URL is no longer configured in WEBHOOK_URLS');
        const body = JSON.stringify({ schema_version: WEBHOOK_SCHEMA_VERSION, event, delivery_id: message.idempotencyKey, occurred_at, ticket, ...(change ? { change } : {}) } satisfies WebhookBody);
        const timestamp = Math.floor(now().getTime() / 1000);
        const response = await post(url, body, {
            'content-type': 'application/json',
            'user-agent': options.userAgent ?? 'csp-support-bot-webhooks/1',
            'x-csp-event': event,
            'x-csp-delivery': message.idempotencyKey,
            'x-csp-timestamp': String(timestamp),
            'x-csp-signature': webhookSignature(options.secret, timestamp, body),
            ...standardWebhookHeaders(options.secret, message.idempotencyKey, timestamp, body),
        }, options.timeoutMs);
        await response.body?.cancel().catch(() => undefined);
        classify(response, now());
    };
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Response> {
    try {
        return await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
        const name = (err as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new RetryableDeliveryError(`webhook: no answer within ${timeoutMs} ms`);
        const code = (err as Error & { cause?: { code?: unknown } }).cause?.code;
        throw new RetryableDeliveryError(`webhook: network error${typeof code === 'string' ? ` ${code}` : ''}`);
    }
}

/** Throws the delivery error a status calls for; returns on 2xx. */
function classify(response: Response, now: Date): void {
    const { status } = response;
    if (status >= 200 && status < 300) return;
    if (status === 408 || status === 429 || status >= 500) throw new RetryableDeliveryError(`webhook: HTTP ${status}`, retryAfterMs(response.headers.get('retry-after'), now));
    if (status >= 300 && status < 400) throw new PermanentDeliveryError(`webhook: HTTP ${status} (redirects are not followed)`);
    throw new PermanentDeliveryError(`webhook: HTTP ${status}`);
}
