import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';
import { retryAfterMs } from '../../src/integrations/webhooks';
import { nextDelayMs } from '../../src/outbox/retryPolicy';

describe('webhook and outbox configuration', () => {
    const secret = 'a-long-enough-secret';

    it('reads comma-separated https URLs, and plain http only towards localhost', () => {
        const config = loadConfig({ WEBHOOK_URLS: 'https://psa.fabrikam.example/hooks, http://localhost:8080/in', WEBHOOK_SECRET: secret });
        assert.deepEqual(config.WEBHOOK_URLS, ['https://psa.fabrikam.example/hooks', 'http://localhost:8080/in']);
        assert.throws(() => loadConfig({ WEBHOOK_URLS: 'http://psa.fabrikam.example/hooks', WEBHOOK_SECRET: secret }), (e: Error) => e instanceof ConfigError && /WEBHOOK_URLS.*https/.test(e.message));
        assert.deepEqual(loadConfig({}).WEBHOOK_URLS, []);
    });

    it('requires a secret of 16+ characters with URLs, and a lease longer than the webhook timeout', () => {
        assert.throws(() => loadConfig({ WEBHOOK_URLS: 'https://psa.example/h' }), /WEBHOOK_SECRET: required when WEBHOOK_URLS is set/);
        assert.throws(() => loadConfig({ WEBHOOK_URLS: 'https://psa.example/h', WEBHOOK_SECRET: 'short' }), /WEBHOOK_SECRET: use at least 16 characters/);
        assert.throws(() => loadConfig({ OUTBOX_LEASE_MS: '5000', WEBHOOK_TIMEOUT_MS: '10000' }), /OUTBOX_LEASE_MS: must be longer than WEBHOOK_TIMEOUT_MS/);
    });

    it('waits a random share of a doubling ceiling, at most the cap, and never less than Retry-After', () => {
        const policy = { baseMs: 1000, capMs: 5000, maxAttempts: 10, maxAgeMs: 60_000 };
        assert.deepEqual([1, 2, 3, 4, 5].map((n) => nextDelayMs(policy, n, undefined, () => 0.999)), [999, 1998, 3996, 4995, 4995]);
        assert.equal(nextDelayMs(policy, 1, undefined, () => 0), 0);
        assert.equal(nextDelayMs(policy, 1, 30_000, () => 0.5), 30_000);
        const now = new Date('2026-11-21T10:00:00Z');
        assert.equal(retryAfterMs('120', now), 120_000);
        assert.equal(retryAfterMs('Sat, 21 Nov 2026 10:01:00 GMT', now), 60_000);
        assert.equal(retryAfterMs('soon', now), undefined);
    });
});
