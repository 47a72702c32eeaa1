import assert from 'node:assert/strict';
import sinon from 'sinon';
import { agentsChannelStep } from '../../../src/bot/steps/agentsChannelStep';
import { Handoffs } from '../../../src/handoff/handoffs';
import { SKIP_TRANSCRIPT } from '../../../src/transcript/transcriptMarks';
import { fromTeams, stepRig } from '../../helpers/stepHarness';

describe('agentsChannelStep', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    async function rigInChannel(isAgentsChannel: boolean) {
        const handoff = sandbox.createStubInstance(Handoffs);
        handoff.isAgentsChannel.returns(isAgentsChannel);
        return { rig: await stepRig(), handoff, step: agentsChannelStep(handoff) };
    }

    it('answers someone who is not an agent in the agents’ channel, and keeps it out of customers’ transcripts', async () => {
        const { rig, handoff, step } = await rigInChannel(true);
        const run = await rig.run(step, fromTeams('my printer is broken', { aadObjectId: 'aad-visitor', conversationType: 'channel' }));
        assert.equal(run.result, 'handled');
        assert.equal(run.replies.length, 1);
        assert.equal(run.turnState.get(SKIP_TRANSCRIPT), true);
        assert.equal(handoff.isAgentsChannel.firstCall.args[0].conversation?.conversationType, 'channel');
    });

    it('tells them what the channel is for, in the desk’s words', async () => {
        const { rig, step } = await rigInChannel(true);
        const run = await rig.run(step, fromTeams('my printer is broken', { aadObjectId: 'aad-visitor', conversationType: 'channel' }));
        assert.deepEqual(run.replies, ['This channel is for the support desk. Only the configured agents can use my commands here.']);
    });

    it('leaves every other conversation to the next steps', async () => {
        const { rig, step } = await rigInChannel(false);
        const run = await rig.run(step, fromTeams('my printer is broken', { aadObjectId: 'aad-visitor' }));
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
        assert.equal(run.turnState.get(SKIP_TRANSCRIPT), undefined);
    });

    it('has no agents’ channel when the bot runs without agents', async () => {
        const rig = await stepRig();
        const run = await rig.run(agentsChannelStep(undefined), fromTeams('hello', { aadObjectId: 'aad-visitor', conversationType: 'channel' }));
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
    });
});
