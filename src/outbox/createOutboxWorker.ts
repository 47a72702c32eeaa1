import type { Kysely } from 'kysely';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../store/schema';
import { OutboxWorker } from './outboxWorker';
import { createWebhookHandler } from '../integrations/webhooks';

/**
 * The outbox worker as configured, with the webhook handler registered (always: with no
 * URLs configured any more, stored webhook messages become dead and visible, not stuck).
 * Other kinds ('agent-notice', ...) are registered by their owners with `handle()`.
 */
export function createOutboxWorker(config: AppConfig, logger: Logger, db: Kysely<Database>): OutboxWorker {
    const worker = new OutboxWorker({
        db,
        logger,
        pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
        leaseMs: config.OUTBOX_LEASE_MS,
        retry: {
            baseMs: config.OUTBOX_BACKOFF_BASE_MS,
            capMs: config.OUTBOX_BACKOFF_CAP_MS,
            maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
            maxAgeMs: config.OUTBOX_MAX_AGE_SECONDS * 1000,
        },
    });
    return worker.handle('webhook', createWebhookHandler({ urls: config.WEBHOOK_URLS, secret: config.WEBHOOK_SECRET ?? '', timeoutMs: config.WEBHOOK_TIMEOUT_MS }));
}
