import { createHash, createHmac } from 'node:crypto';

/**
 * Signing per the Standard Webhooks specification (standardwebhooks.com, symmetric "v1"), so a
 * receiver can verify deliveries with a stock library instead of this project's own recipe.
 */

const SECRET_PREFIX = 'whsec_';

/** A `whsec_` secret: base64 of 24 to 64 random bytes, as the specification serialises them. */
export const STANDARD_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** Why a `whsec_` secret cannot be used, or undefined when it can (or is not one). */
export function standardSecretProblem(secret: string): string | undefined {
    if (!secret.startsWith(SECRET_PREFIX)) return undefined;
    if (!STANDARD_SECRET.test(secret)) return 'a whsec_ secret must be base64 after the prefix';
    const bytes = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64').length;
    return bytes >= 24 && bytes <= 64 ? undefined : `a whsec_ secret must hold 24 to 64 bytes (this one holds ${bytes})`;
}

/**
 * The HMAC key: the bytes a `whsec_` secret encodes, or else the secret's own UTF-8 bytes (so
 * any WEBHOOK_SECRET works; its receivers are given `standardWebhookSecret(secret)`).
 */
export function standardWebhookKey(secret: string): Buffer {
    return secret.startsWith(SECRET_PREFIX) ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** The secret to give a stock Standard Webhooks receiver: the key as `whsec_` + base64. */
export function standardWebhookSecret(secret: string): string {
    return `${SECRET_PREFIX}${standardWebhookKey(secret).toString('base64')}`;
}

/**
 * webhook-id: the same for every retry of one message, like X-CSP-Delivery, but without the
 * full stops the specification forbids in it (they delimit the signed content).
 */
export function standardWebhookId(idempotencyKey: string): string {
    return `msg_${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 27)}`;
}

/** The three headers: webhook-id, webhook-timestamp and webhook-signature ("v1," + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`). */
export function standardWebhookHeaders(secret: string, idempotencyKey: string, timestamp: number, body: string): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
    const id = standardWebhookId(idempotencyKey);
    const signature = createHmac('sha256', standardWebhookKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
    return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}
