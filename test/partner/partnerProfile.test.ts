import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { loadPartnerProfile, PartnerProfileError, rotaHoursOf } from '../../src/partner/partnerProfile';

const example = loadPartnerProfile(loadConfig({})).profile;
const withPromises = (promises: Record<string, unknown>) => loadConfig({ PARTNER_PROFILE_JSON: JSON.stringify({ ...example, ...promises }) });
const rejects = (promises: Record<string, unknown>, ...patterns: RegExp[]) =>
    assert.throws(() => loadPartnerProfile(withPromises(promises)), (err: Error) => err instanceof PartnerProfileError && patterns.every((p) => p.test(err.message)));

describe('partner profile: commitments and on-call rotas', () => {
    it('the example partner answers English Severity A out of hours with an on-call rota and English B and C in business hours', () => {
        assert.deepEqual(example.onCall.map((r) => r.id), ['on-call']);
        assert.deepEqual(rotaHoursOf(example)['on-call']?.saturday, [{ start: '00:00', end: '24:00' }]);
        assert.deepEqual(example.commitments.map((c) => [c.severity, c.languages, c.coverage, c.hours]), [
            ['A', 'english', { onCall: 'on-call' }, 2],
            ['B', 'english', 'business-hours', 4],
            ['C', 'english', 'business-hours', 8],
        ]);
    });

    it('a profile without commitments keeps the programme (no commitments, no rotas)', () => {
        const { profile } = loadPartnerProfile(withPromises({ onCall: undefined, commitments: undefined }));
        assert.deepEqual([profile.onCall, profile.commitments], [[], []]);
    });

    it('names a rota that does not exist', () => {
        rejects({ commitments: [{ kind: 'break-fix', severity: 'A', coverage: { onCall: 'nights' }, hours: 2 }] }, /commitments\.0\.coverage\.onCall: no on-call rota "nights"/);
    });

    it('refuses an around-the-clock promise on a desk that closes, saying what to write instead', () => {
        rejects({ commitments: [{ kind: 'break-fix', languages: 'english', coverage: 'around-the-clock', hours: 2 }] }, /commitments\.0\.coverage: around the clock, but the desk is closed at times/, /"onCall"/, /"business-hours"/);
    });

    it('reports malformed commitments and rotas with their place in the file', () => {
        rejects({ commitments: [{ kind: 'advisory', severity: 'B', hours: 4 }] }, /commitments\.0\.severity: severities apply to break-fix/);
        rejects({ commitments: [{ kind: 'break-fix', hours: 2, businessDay: true }] }, /commitments\.0: set either "hours" or "businessDay"/);
        rejects({ onCall: [{ id: 'on-call', name: 'Night team' }, { id: 'on-call', name: 'Again' }] }, /onCall\.1\.id: rota "on-call" is listed twice/);
        rejects({ onCall: [{ id: 'Night Team', name: 'Night team' }] }, /onCall\.0\.id/);
        rejects({ onCall: [{ id: 'idle', name: 'Nobody', hours: {} }] }, /onCall\.0\.hours: a rota needs some hours on duty/);
    });

    it('a bad profile stops start-up with the same clear message', async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-profile-'));
        try {
            const env = { DATABASE_FILE: path.join(dir, 'bot.sqlite'), PARTNER_PROFILE_JSON: JSON.stringify({ ...example, commitments: [{ coverage: { onCall: 'ghosts' }, hours: 1 }] }) };
            await assert.rejects(createApp(loadConfig(env), createLogger('silent')), (err: Error) => err instanceof PartnerProfileError && /invalid partner profile in PARTNER_PROFILE_JSON/.test(err.message) && /no on-call rota "ghosts"/.test(err.message));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
