import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, EnvSchema, loadConfig } from '../src/config';
import { listenAddress } from '../src/listenAddress';
import { loadPartnerProfile, PartnerProfileError } from '../src/partner/partnerProfile';

describe('configuration', () => {
    it('starts with embedded defaults: port 3978, SQLite under ./data, example partner, loopback only', () => {
        const config = loadConfig({});
        assert.equal(config.PORT, 3978);
        assert.equal(config.DATABASE_FILE, './data/bot.sqlite');
        assert.equal(loadPartnerProfile(config).profile.name, 'Contoso Cloud Services');
        assert.equal(listenAddress(config).host, '127.0.0.1');
        assert.match(listenAddress(config).notice ?? '', /authentication is off/);
    });

    it('names every bad variable in one message', () => {
        assert.throws(
            () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', PARTNER_TENANT_ID: 'not-a-guid' }),
            (err: Error) => err instanceof ConfigError && /PORT/.test(err.message) && /LOG_LEVEL/.test(err.message) && /PARTNER_TENANT_ID/.test(err.message),
        );
    });

    it('refuses to listen beyond loopback without auth unless told to', () => {
        assert.throws(() => listenAddress(loadConfig({ HOST: '0.0.0.0' })), /ALLOW_PUBLIC_WITHOUT_AUTH/);
        assert.equal(listenAddress(loadConfig({ HOST: '0.0.0.0', ALLOW_PUBLIC_WITHOUT_AUTH: 'true' })).host, '0.0.0.0');
        assert.equal(listenAddress(loadConfig({ MicrosoftAppId: 'a1b2', MicrosoftAppPassword: 'x' })).host, '0.0.0.0');
    });

    it('refuses agents without Bot Framework authentication unless local testing says so', () => {
        const AGENT = 'aaaaaaaa-0000-4000-8000-000000000001';
        assert.throws(() => loadConfig({ AGENT_ADMIN_AAD_OBJECT_IDS: AGENT }), (err: Error) => err instanceof ConfigError && /AGENT_ADMIN_AAD_OBJECT_IDS: agents need Bot Framework authentication/.test(err.message) && /ALLOW_AGENTS_WITHOUT_AUTH/.test(err.message));
        assert.throws(() => loadConfig({ AGENT_AAD_OBJECT_IDS: AGENT }), /AGENT_AAD_OBJECT_IDS: agents need Bot Framework authentication/);
        assert.doesNotThrow(() => loadConfig({ AGENT_AAD_OBJECT_IDS: AGENT, MicrosoftAppId: 'a1b2', MicrosoftAppPassword: 'x' }));
        assert.doesNotThrow(() => loadConfig({ AGENT_AAD_OBJECT_IDS: AGENT, ALLOW_AGENTS_WITHOUT_AUTH: 'true' }));
    });

    it('reads the partner profile from PARTNER_PROFILE_JSON and reports bad fields', () => {
        assert.throws(
            () => loadPartnerProfile(loadConfig({ PARTNER_PROFILE_JSON: JSON.stringify({ name: 'X', supportEmail: 'nope' }) })),
            (err: Error) => err instanceof PartnerProfileError && /supportEmail/.test(err.message) && /hours/.test(err.message),
        );
        assert.throws(() => loadPartnerProfile(loadConfig({ PARTNER_PROFILE_JSON: '{oops' })), PartnerProfileError);
        const overridden = loadPartnerProfile(loadConfig({ PARTNER_TENANT_ID: '9b1f8b1e-1111-4222-8333-444455556666' }));
        assert.equal(overridden.profile.tenantId, '9b1f8b1e-1111-4222-8333-444455556666');
    });
});

describe('.env.example', () => {
    const env = Object.fromEntries(
        readFileSync('.env.example', 'utf8')
            .split('\n')
            .filter((l) => /^[A-Za-z_]+=/.test(l))
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );

    const PACKAGING_ONLY = ['BOT_DOMAIN', 'TEAMS_APP_ID', 'PARTNER_NAME', 'PARTNER_WEBSITE'];

    it('lists every variable the configuration reads, and parses as it is', () => {
        assert.deepEqual(Object.keys(env).filter((k) => !PACKAGING_ONLY.includes(k)).sort(), Object.keys(EnvSchema.shape).sort());
        assert.doesNotThrow(() => loadConfig(env));
    });
});
