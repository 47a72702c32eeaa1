import assert from 'node:assert/strict';
import { attachmentOnlyStep } from '../../../src/bot/steps/attachmentOnlyStep';
import { assertLetsThrough, click, stepRig } from '../../helpers/stepHarness';

const kept = (n: number) => Array.from({ length: n }, (_, i) => ({ contentType: 'image/png', contentUrl: `https://support.example.test/api/attachments/${String(i).padStart(32, 'a')}`, name: `shot${i}.png` }));

describe('attachmentOnlyStep', () => {
    const step = attachmentOnlyStep();

    it('thanks the customer for a kept screenshot and asks the pending question again', async () => {
        const rig = await stepRig();
        const asked = await rig.ask();
        const run = await rig.run(step, { attachments: kept(1) });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ["Thanks, I've kept your file with your request.", ...asked]);
        assert.equal(run.waiting, true, 'the question still waits for its answer');
    });

    it('counts the files, in the customer’s language', async () => {
        const rig = await stepRig();
        await rig.given({ profile: { language: 'ru' } });
        assert.deepEqual((await rig.run(step, { attachments: kept(2) })).replies, ['Спасибо, я сохранил ваши 2 файла вместе с обращением.']);
        await rig.given({ profile: { language: 'es' } });
        assert.deepEqual((await rig.run(step, { attachments: kept(3) })).replies, ['Gracias, he guardado tus 3 archivos junto con tu solicitud.']);
    });

    it('lets text, clicks, and files it did not keep (another channel’s) through', async () => {
        const rig = await stepRig();
        await assertLetsThrough(rig, step, [{ text: 'hi', attachments: kept(1) }, click('intake-1'), { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.test/a.png' }] }]);
    });
});
