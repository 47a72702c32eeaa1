import assert from 'node:assert/strict';
import { messageLengthStep } from '../../../src/bot/steps/messageLengthStep';
import { assertLetsThrough, click, stepRig } from '../../helpers/stepHarness';

describe('messageLengthStep', () => {
    const step = messageLengthStep(20);

    it('lets a message up to the limit through, counting the trimmed text', async () => {
        const rig = await stepRig();
        await assertLetsThrough(rig, step, [{ text: 'x'.repeat(20) }, { text: `   ${'x'.repeat(20)}   ` }]);
    });

    it('answers a longer message with its length and the limit, in the customer’s language', async () => {
        const rig = await stepRig();
        const english = await rig.run(step, { text: 'x'.repeat(21) });
        assert.equal(english.result, 'handled');
        assert.deepEqual(english.replies, [
            "That message is too long for me (21 characters; the limit is 20). Please send a shorter summary: you can give our engineers the details later.",
        ]);
        await rig.given({ profile: { language: 'es' } });
        const spanish = await rig.run(step, { text: 'x'.repeat(30) });
        assert.equal(spanish.result, 'handled');
        assert.deepEqual(spanish.replies, [
            'Ese mensaje es demasiado largo para mí (30 caracteres; el límite es 20). Envíe un resumen más breve: podrá dar los detalles a nuestros técnicos más adelante.',
        ]);
    });

    it('lets a click without text through', async () => {
        const rig = await stepRig();
        await assertLetsThrough(rig, step, [click('intake-1')]);
    });
});
