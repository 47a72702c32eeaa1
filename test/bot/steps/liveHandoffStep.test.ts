import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { liveHandoffStep } from '../../../src/bot/steps/liveHandoffStep';
import { Handoffs } from '../../../src/handoff/handoffs';
import type { CustomerTurnOutcome, Handoff } from '../../../src/handoff/handoffTypes';
import { click, stepRig } from '../../helpers/stepHarness';

/** A takeover in progress for the test conversation. */
function liveHandoff(state: Handoff['state']): Handoff {
    return {
        id: 12, conversationId: 'Convo1', channelId: 'test', state, hub: 'builtin', reason: 'asked', language: 'en',
        customerName: 'User1', customerOrganisation: null, ticketId: null, summary: null, customerReference: '{}',
        agentAadObjectId: null, agentName: null, noticeActivityId: null, enqueuedAt: '2026-11-23T09:00:00.000Z',
        acceptedAt: null, endedAt: null, endedBy: null, closedAt: null, rating: null, updatedAt: '2026-11-23T09:00:00.000Z',
    transferNote: null,
    };
}

describe('liveHandoffStep', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    /** A takeover (or none) whose customer side answers `outcome`, saying `says` when it handles the message itself. */
    async function rigWithTakeover(live: Handoff | undefined, outcome: CustomerTurnOutcome, says?: string) {
        const handoff = sandbox.createStubInstance(Handoffs);
        handoff.liveIn.resolves(live);
        handoff.customerTurn.callsFake(async (context: TurnContext) => {
            if (says) await context.sendActivity(says);
            return outcome;
        });
        const rig = await stepRig();
        return { rig, handoff, step: liveHandoffStep(handoff) };
    }

    it('leaves the message to the bot when no takeover is live, or the bot has no agents', async () => {
        const { rig, handoff, step } = await rigWithTakeover(undefined, 'handled');
        await rig.ask();
        for (const s of [step, liveHandoffStep(undefined)]) {
            const run = await rig.run(s, { text: 'Alex Kim' });
            assert.equal(run.result, 'next');
            assert.deepEqual(run.replies, []);
            assert.equal(run.waiting, true);
        }
        sinon.assert.calledOnceWithExactly(handoff.liveIn, 'Convo1');
        sinon.assert.notCalled(handoff.customerTurn);
    });

    it('gives the message to the takeover (relayed to the agent), with the customer’s language', async () => {
        const live = liveHandoff('agent');
        const { rig, handoff, step } = await rigWithTakeover(live, 'handled');
        await rig.ask();
        await rig.given({ profile: { language: 'pt' } });
        const run = await rig.run(step, { text: 'the error code is 0x80070005' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, []);
        assert.equal(run.waiting, true, 'the intake waits meanwhile');
        sinon.assert.calledOnce(handoff.customerTurn);
        assert.deepEqual(handoff.customerTurn.firstCall.args.slice(1), [live, undefined, 'pt']);
    });

    it('passes the bot’s card clicks (the rating) to the takeover, and not payloads that are not the bot’s', async () => {
        const live = liveHandoff('rating');
        const { rig, handoff, step } = await rigWithTakeover(live, 'handled', 'Thanks for your rating.');
        const rated = await rig.run(step, click('intake-1', 'handoff-rating', '5'));
        assert.deepEqual(rated.replies, ['Thanks for your rating.']);
        assert.deepEqual(handoff.customerTurn.firstCall.args[2], { csp: 1, prompt: 'handoff-rating', choice: '5', intake: 'intake-1' });
        await rig.run(step, { value: { rating: 5 } });
        assert.equal(handoff.customerTurn.secondCall.args[2], undefined);
    });

    it('resumes the intake where it was when the customer leaves the queue', async () => {
        const { rig, step } = await rigWithTakeover(liveHandoff('waiting'), 'resume', 'You have left the queue.');
        await rig.ask();
        const run = await rig.run(step, { text: 'cancel' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['You have left the queue.', "Let's carry on where we were.", 'What is your name?']);
        assert.equal(run.waiting, true);
    });

    it('resumes silently when there was no intake to go back to', async () => {
        const { rig, step } = await rigWithTakeover(liveHandoff('waiting'), 'resume', 'You have left the queue.');
        const run = await rig.run(step, { text: 'cancel' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['You have left the queue.']);
    });

    it('starts afresh after an agent’s help: the old intake is dropped and the message goes on', async () => {
        const { rig, step } = await rigWithTakeover(liveHandoff('closed'), 'continue-fresh');
        await rig.ask();
        const run = await rig.run(step, { text: 'another problem: Teams will not start' });
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
        assert.equal(run.waiting, false);
    });

    it('lets the message go on to the running intake when the takeover says continue', async () => {
        const { rig, step } = await rigWithTakeover(liveHandoff('closed'), 'continue');
        await rig.ask();
        const run = await rig.run(step, { text: 'Alex Kim' });
        assert.equal(run.result, 'next');
        assert.equal(run.waiting, true);
    });
});
