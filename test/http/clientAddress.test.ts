import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { clientAddress, clientKey, rateLimitKey } from '../../src/http/clientAddress';
import { BotHarness } from '../helpers/botHarness';

const request = (remoteAddress: string, forwardedFor?: string): IncomingMessage =>
    ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
    it('is the socket peer without trusted proxies, whatever X-Forwarded-For says', () => {
        assert.equal(clientAddress(request('::ffff:10.0.0.5', '203.0.113.7'), 0), '10.0.0.5');
    });

    it('takes the entry the trusted proxies added, with ports and brackets removed', () => {
        assert.equal(clientAddress(request('10.0.0.5', '203.0.113.7:50123'), 1), '203.0.113.7');
        assert.equal(clientAddress(request('10.0.0.5', 'spoofed, [2001:db8::7]:443'), 1), '2001:db8::7');
        assert.equal(clientAddress(request('10.0.0.5', '198.51.100.1, 203.0.113.7, 10.0.0.9'), 2), '203.0.113.7');
    });

    it('falls back to the socket when the header has fewer entries than trusted hops', () => {
        assert.equal(clientAddress(request('10.0.0.5'), 1), '10.0.0.5');
        assert.equal(clientAddress(request('10.0.0.5', '203.0.113.7'), 2), '10.0.0.5');
    });
});

describe('clientKey (what per-client limits count by)', () => {
    it('groups IPv6 clients by their /64 prefix: one subscriber network, however many addresses it uses', () => {
        assert.equal(rateLimitKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
        assert.equal(rateLimitKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'), '2001:db8:1:2::/64');
        assert.equal(rateLimitKey('2001:db8:1:3::1'), '2001:db8:1:3::/64');
        assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
        assert.equal(rateLimitKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
        assert.equal(rateLimitKey('2001:db8::192.0.2.1'), '2001:db8:0:0::/64');
    });

    it('keeps IPv4 and IPv4-mapped addresses per address', () => {
        assert.equal(rateLimitKey('203.0.113.7'), '203.0.113.7');
        assert.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7');
        assert.equal(rateLimitKey('::ffff:cb00:7107'), '203.0.113.7');
        assert.equal(clientKey(request('::ffff:10.0.0.5'), 0), '10.0.0.5');
        assert.equal(clientKey(request('10.0.0.5', '[2001:db8:1:2::abcd]:443'), 1), '2001:db8:1:2::/64');
    });

    it('leaves what is not an address as it is', () => {
        assert.equal(rateLimitKey('unknown'), 'unknown');
    });
});

describe('per-client limits over HTTP with IPv6 clients', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start({ env: { CLIENT_RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXY_HOPS: '1' } });
    });
    after(() => bot.stop());

    const page = (forwardedFor: string) => fetch(`${bot.baseUrl}/`, { headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);

    it('counts every address of one /64 as one client, and another /64 apart', async () => {
        const statuses = [];
        for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '[2001:db8:1:2:beef::1]:443', '2001:db8:1:2:ffff:ffff:ffff:ffff']) statuses.push(await page(address));
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        assert.equal(await page('2001:db8:1:3::1'), 200, 'the neighbouring /64 is another client');
    });
});
