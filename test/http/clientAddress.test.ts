import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/http/clientAddress';

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
