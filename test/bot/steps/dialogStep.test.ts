import assert from 'node:assert/strict';
import { dialogStep } from '../../../src/bot/steps/dialogStep';
import { QUESTION_DIALOG, stepRig } from '../../helpers/stepHarness';

describe('dialogStep', () => {
    const step = dialogStep(QUESTION_DIALOG);

    it('starts the main dialog when none is running', async () => {
        const rig = await stepRig();
        const run = await rig.run(step, { text: 'hi' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['What is your name?']);
        assert.equal(run.waiting, true);
    });

    it('gives the message to the running dialog as the answer to its question', async () => {
        const rig = await stepRig();
        await rig.run(step, { text: 'hi' });
        const run = await rig.run(step, { text: 'Alex Kim' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['Nice to meet you, Alex Kim.']);
        assert.equal(run.waiting, false);
    });

    it('starts afresh once the dialog has ended', async () => {
        const rig = await stepRig();
        await rig.run(step, { text: 'hi' });
        await rig.run(step, { text: 'Alex Kim' });
        const run = await rig.run(step, { text: 'one more thing' });
        assert.deepEqual(run.replies, ['What is your name?']);
    });
});
