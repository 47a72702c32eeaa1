import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';
import { PsaKeyring } from '../../src/psa/psaKeyring';

const SECRET = 'Zq3Lr8Vw1Xy5Tb7Nc9Md2Kf4Hg6Jp0Ss+/_~.-';
const OTHER = 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm';

describe('PSA API keys (PSA_API_KEYS)', () => {
    it('reads <name>:<scopes>:<secret> entries, keeps only the hash, and a key authenticates as its name with its scopes', () => {
        const hashed = createHash('sha256').update(OTHER).digest('hex');
        const { PSA_API_KEYS } = loadConfig({ PSA_API_KEYS: `autotask:tickets:read+tickets:comment:${SECRET},\n  halo:tickets:status:sha256=${hashed.toUpperCase()}` });
        assert.deepEqual(PSA_API_KEYS.map((k) => [k.name, k.scopes]), [['autotask', ['tickets:read', 'tickets:comment']], ['halo', ['tickets:status']]]);
        assert.doesNotMatch(JSON.stringify(PSA_API_KEYS), new RegExp(SECRET.slice(0, 10)), 'the secret itself is not kept');

        const keyring = new PsaKeyring(PSA_API_KEYS);
        assert.ok(keyring.enabled);
        assert.deepEqual(keyring.authenticate(`Bearer ${SECRET}`), { key: { name: 'autotask', scopes: ['tickets:read', 'tickets:comment'] } });
        assert.deepEqual(keyring.authenticate(`Bearer ${OTHER}`), { key: { name: 'halo', scopes: ['tickets:status'] } });
        assert.deepEqual(keyring.authenticate(`Bearer ${SECRET}x`), { refused: 'unknown' });
        assert.deepEqual(keyring.authenticate(SECRET), { refused: 'missing' });
        assert.deepEqual(keyring.authenticate(undefined), { refused: 'missing' });
        assert.equal(new PsaKeyring(loadConfig({}).PSA_API_KEYS).enabled, false, 'no keys: no API');
    });

    it('names each bad entry without echoing a secret', () => {
        const bad = `bad/name:tickets:read:${SECRET}, ok:tickets:write:${SECRET}, short:tickets:read:abc, twice:tickets:read:${SECRET}, twice:tickets:read:${OTHER}`;
        assert.throws(
            () => loadConfig({ PSA_API_KEYS: bad }),
            (err: Error) =>
                err instanceof ConfigError &&
                /entry 1 .*name/.test(err.message) &&
                /entry 2 .*scopes are tickets:read, tickets:comment, tickets:status/.test(err.message) &&
                /entry 3 .*secret is 32\+ characters/.test(err.message) &&
                /entry 5 .*used twice/.test(err.message) &&
                !err.message.includes(SECRET) &&
                !err.message.includes('abc'),
        );
        assert.throws(() => loadConfig({ PSA_API_KEYS: `a:tickets:read:${SECRET} b:tickets:status:${SECRET}` }), /two keys share a secret/);
    });
});
