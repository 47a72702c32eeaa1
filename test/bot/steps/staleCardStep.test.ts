import assert from 'node:assert/strict';
import { staleCardStep } from '../../../src/bot/steps/staleCardStep';
import { sampleTicket } from '../../helpers/sampleTicket';
import { assertAnswers, assertLetsThrough, click, stepRig } from '../../helpers/stepHarness';

const CREATED = new Date('2026-11-23T09:00:00Z');

describe('staleCardStep', () => {
    async function rigWithIntake(intakeId: string) {
        const rig = await stepRig();
        await rig.given({ session: { intakeId } });
        return { rig, step: staleCardStep(rig.services) };
    }

    it('lets a click on the running intake’s card go on to the dialog', async () => {
        const { rig, step } = await rigWithIntake('intake-7');
        await rig.ask();
        await assertLetsThrough(rig, step, [click('intake-7')]);
    });

    it('reminds the customer of the ticket number when the old intake opened one', async () => {
        const { rig, step } = await rigWithIntake('intake-8');
        await rig.ask();
        const { ticket } = await rig.services.tickets.create(sampleTicket('intake-3', { conversationId: 'Convo1', channelId: 'test' }), CREATED);
        const run = await rig.run(step, click('intake-3', 'escalation-confirm', 'confirm'));
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, [`Your ticket **${ticket.number}** is already open; I haven't created it twice.`]);
    });

    it("never names another conversation's ticket when its card is replayed here", async () => {
        const { rig, step } = await rigWithIntake('intake-8');
        await rig.ask();
        await rig.services.tickets.create(sampleTicket('intake-elsewhere', { conversationId: 'someone-else', channelId: 'test' }), CREATED);
        const run = await rig.run(step, click('intake-elsewhere', 'escalation-confirm', 'confirm'));
        assert.deepEqual(run.replies, ['That card belongs to a request that is already finished. Write a new message if you need anything else.']);
    });

    it('says "old card" for an old intake that opened no ticket, or whose case was resolved', async () => {
        const { rig, step } = await rigWithIntake('intake-9');
        await rig.ask();
        await rig.services.tickets.create(sampleTicket('intake-2', { status: 'resolved', resolution: 'guidance' }), CREATED);
        await assertAnswers(rig, step, [click('intake-1'), click('intake-2')], ['That card belongs to a request that is already finished. Write a new message if you need anything else.']);
    });

    it('treats a click on the last intake’s card as old once its dialog has ended, in the customer’s language', async () => {
        const { rig, step } = await rigWithIntake('intake-7');
        await rig.given({ profile: { language: 'es' } });
        const run = await rig.run(step, click('intake-7'));
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['Esa tarjeta pertenece a una solicitud que ya ha finalizado. Escriba un nuevo mensaje si necesita algo más.']);
    });

    it('lets typed text and payloads that are not the bot’s through', async () => {
        const { rig, step } = await rigWithIntake('intake-7');
        await assertLetsThrough(rig, step, [{ text: 'yes' }, { value: { anything: true } }]);
    });
});
