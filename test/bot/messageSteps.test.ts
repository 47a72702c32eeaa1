import assert from 'node:assert/strict';
import sinon from 'sinon';
import { messageSteps, routeMessage } from '../../src/bot/messageSteps';
import type { MessageStep, StepResult } from '../../src/bot/steps/messageStep';
import { Handoffs } from '../../src/handoff/handoffs';
import { QUESTION_DIALOG, stepRig, type StepRig } from '../helpers/stepHarness';

/** The routing table in the order it must run: agents first, then the customer's side, the conversation last. */
const ROUTING_TABLE = [
    'agent desk',
    'agents channel',
    'ticket notices',
    'live takeover',
    'typing',
    'language',
    'message length',
    'ticket follow-up',
    'unknown card',
    'stale card',
    'attachment only',
    'empty message',
    'ticket status',
    'ticket reply',
    'frustration',
    'ticket amendment',
    'dialog',
];

describe('messageSteps', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    function table(rig: StepRig, handoff?: Handoffs): MessageStep[] {
        return messageSteps({ services: rig.services, handoff, maxMessageChars: 60, mainDialogId: QUESTION_DIALOG });
    }

    /** The whole table as one step, so a rig turn runs it as the bot does. */
    function routing(steps: readonly MessageStep[]): MessageStep {
        return { name: 'routing', handle: async (turn) => (await routeMessage(turn, steps), 'handled') };
    }

    function fakeStep(name: string, result: StepResult): MessageStep & { handle: sinon.SinonStub } {
        return { name, handle: sandbox.stub().resolves(result) };
    }

    it('runs the steps in the order of the routing table', async () => {
        const rig = await stepRig();
        assert.deepEqual(table(rig, sandbox.createStubInstance(Handoffs)).map((s) => s.name), ROUTING_TABLE);
        assert.deepEqual(table(rig).map((s) => s.name), ROUTING_TABLE, 'the same table without agents');
    });

    it('stops at the first step that handles the message', async () => {
        const rig = await stepRig();
        const steps = [fakeStep('a', 'next'), fakeStep('b', 'handled'), fakeStep('c', 'handled')];
        await rig.run(routing(steps));
        sinon.assert.callOrder(steps[0]!.handle, steps[1]!.handle);
        sinon.assert.notCalled(steps[2]!.handle);
    });

    it('asks every step in turn when none handles the message', async () => {
        const rig = await stepRig();
        const steps = [fakeStep('a', 'next'), fakeStep('b', 'next'), fakeStep('c', 'next')];
        await rig.run(routing(steps));
        sinon.assert.callOrder(...steps.map((s) => s.handle));
    });

    it('answers each kind of message with exactly one step of the real table', async () => {
        const rig = await stepRig();
        const steps = routing(table(rig));
        assert.deepEqual((await rig.run(steps, { text: 'x'.repeat(61) })).replies, [
            "That message is too long for me (61 characters; the limit is 60). Please send a shorter summary: you can give our engineers the details later.",
        ]);
        assert.deepEqual((await rig.run(steps, { text: '  ' })).replies, ["I didn't get any text. Please type your question."]);
        assert.deepEqual((await rig.run(steps, { text: 'hello' })).replies, ['What is your name?']);
        const switched = await rig.run(steps, { text: 'en español' });
        assert.deepEqual(switched.replies, ['De acuerdo, seguimos en español.', '¿Cuál es su nombre?'], 'the switch is not also taken as the answer');
        assert.deepEqual((await rig.run(steps, { text: 'Lucía' })).replies, ['Nice to meet you, Lucía.']);
    });
});
