import assert from 'node:assert/strict';
import { typingStep } from '../../../src/bot/steps/typingStep';
import { stepRig } from '../../helpers/stepHarness';

describe('typingStep', () => {
    it('shows typing before a turn that may wait on a remote service, and lets the message through', async () => {
        const serviceHealth = { openIssuesFor: async () => [] };
        const rig = await stepRig({ serviceHealth });
        const run = await rig.run(typingStep({ serviceHealth }), { text: 'Outlook is down for everyone' });
        assert.equal(run.result, 'next');
        assert.equal(run.replies.length, 1, 'one typing activity');
    });

    it('shows nothing when every step is local (no Azure AI Language, no service health)', async () => {
        const rig = await stepRig();
        const run = await rig.run(typingStep({}), { text: 'Outlook is down for everyone' });
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
    });
});
