import assert from 'node:assert/strict';
import { emptyMessageStep } from '../../../src/bot/steps/emptyMessageStep';
import { assertAnswers, assertLetsThrough, click, stepRig } from '../../helpers/stepHarness';

describe('emptyMessageStep', () => {
    const step = emptyMessageStep();

    it('asks for text when a message has none, or only white space', async () => {
        const rig = await stepRig();
        const nothing = [{}, { text: '' }, { text: '   \n\t ' }, { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.test/a.png' }] }];
        await assertAnswers(rig, step, nothing, ["I didn't get any text. Please type your question."]);
    });

    it('asks in the customer’s language', async () => {
        const rig = await stepRig();
        await rig.given({ profile: { language: 'ru' } });
        const run = await rig.run(step, { text: ' ' });
        assert.deepEqual(run.replies, ['Сообщение пустое. Напишите, пожалуйста, ваш вопрос.']);
    });

    it('lets text and card clicks through', async () => {
        const rig = await stepRig();
        await assertLetsThrough(rig, step, [{ text: 'hi' }, click('intake-1')]);
    });
});
