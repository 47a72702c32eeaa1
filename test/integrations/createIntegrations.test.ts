import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createServiceHealth } from '../../src/integrations/createIntegrations';
import { retryAfterMs } from '../../src/integrations/partnerCenterClient';
import { createLogger } from '../../src/logger';

/** A pino logger whose JSON lines are kept for the test to read. */
function recordingLogger(): { logger: ReturnType<typeof createLogger>; lines: Array<Record<string, unknown>> } {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
            lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
            done();
        },
    });
    return { logger: createLogger('info', sink), lines };
}

describe('Graph and Partner Center configuration', () => {
    it('reads support topic overrides as JSON and names a bad value', () => {
        assert.deepEqual(loadConfig({ SUPPORT_TOPIC_OVERRIDES: '{"technical.azure": 32569840, "commercial": "32569836"}' }).SUPPORT_TOPIC_OVERRIDES, { 'technical.azure': '32569840', commercial: '32569836' });
        assert.throws(() => loadConfig({ SUPPORT_TOPIC_OVERRIDES: '{"technical.azure": ' }), /SUPPORT_TOPIC_OVERRIDES: expected JSON/);
        assert.throws(() => loadConfig({ SUPPORT_TOPIC_OVERRIDES: '{"tech": "1"}' }), /SUPPORT_TOPIC_OVERRIDES/);
    });

    it('accepts only an https authority host and a locale like en-US', () => {
        assert.throws(() => loadConfig({ AUTHORITY_HOST: 'http://login.example' }), /AUTHORITY_HOST: expected an https:\/\/ URL/);
        assert.throws(() => loadConfig({ PARTNER_CENTER_LOCALE: 'english' }), /PARTNER_CENTER_LOCALE/);
        assert.equal(loadConfig({}).PARTNER_CENTER_LOCALE, 'en-US');
    });

    it('service health is off without Graph credentials, said once; a partial configuration is a warning', () => {
        const off = recordingLogger();
        assert.equal(createServiceHealth(loadConfig({}), off.logger), undefined);
        assert.deepEqual(off.lines.map((l) => [l.level, l.msg]), [[30, 'service health check off: Microsoft Graph is not configured']]);
        const partial = recordingLogger();
        assert.equal(createServiceHealth(loadConfig({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c' }), partial.logger), undefined);
        assert.deepEqual(partial.lines.map((l) => [l.level, l.missing]), [[40, ['GRAPH_CLIENT_SECRET']]]);
    });

    it('reads Retry-After in seconds or as an HTTP date', () => {
        assert.equal(retryAfterMs('7'), 7000);
        assert.equal(retryAfterMs('Mon, 23 Nov 2026 09:00:30 GMT', Date.parse('2026-11-23T09:00:00Z')), 30_000);
        assert.equal(retryAfterMs(null), undefined);
        assert.equal(retryAfterMs('soon'), undefined);
    });
});
