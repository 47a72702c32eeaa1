import assert from 'node:assert/strict';
import { unknownCardStep } from '../../../src/bot/steps/unknownCardStep';
import { assertAnswers, assertLetsThrough, click, stepRig } from '../../helpers/stepHarness';

describe('unknownCardStep', () => {
    const step = unknownCardStep();

    it('tells the customer it cannot read a card payload that is not one of the bot’s', async () => {
        const rig = await stepRig();
        const foreign = [{ value: { action: 'approve' } }, { value: 'yes' }, { value: { csp: 2, prompt: 'x', choice: 'y', intake: 'z' } }];
        await assertAnswers(rig, step, foreign, ["I couldn't read that card. Please answer the question in the chat, or type **start over**."]);
    });

    it('says it in the customer’s language', async () => {
        const rig = await stepRig();
        await rig.given({ profile: { language: 'pt' } });
        const run = await rig.run(step, { value: { foo: 'bar' } });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['Não consegui ler esse cartão. Responda à pergunta no chat ou digite **recomeçar**.']);
    });

    it('lets typed text and clicks on the bot’s own cards through', async () => {
        const rig = await stepRig();
        await assertLetsThrough(rig, step, [{ text: 'hello' }, click('intake-1')]);
    });
});
