import assert from 'node:assert/strict';
import { TokenBucket } from '../../src/http/tokenBucket';

describe('TokenBucket', () => {
    it('allows a burst of the per-minute number, then one request per refill, each key on its own', () => {
        let now = 0;
        const bucket = new TokenBucket(60, () => now);
        for (let i = 0; i < 60; i++) assert.equal(bucket.take('autotask'), 0);
        assert.equal(bucket.take('autotask'), 1, 'empty: one token a second comes back');
        assert.equal(bucket.take('halo'), 0, 'another key has its own bucket');
        now += 1000;
        assert.equal(bucket.take('autotask'), 0);
        assert.equal(bucket.take('autotask'), 1);
        now += 120_000;
        for (let i = 0; i < 60; i++) assert.equal(bucket.take('autotask'), 0, 'a quiet spell refills it, up to the per-minute number');
        assert.ok(bucket.take('autotask') > 0);
    });

    it('says how long to wait when the rate is slow', () => {
        const bucket = new TokenBucket(2, () => 0);
        bucket.take('k');
        bucket.take('k');
        assert.equal(bucket.take('k'), 30);
    });
});
