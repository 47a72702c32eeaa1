import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { agentDeskStep } from '../../../src/bot/steps/agentDeskStep';
import type { AgentIdentity } from '../../../src/handoff/agentDirectory';
import { Handoffs } from '../../../src/handoff/handoffs';
import { SKIP_TRANSCRIPT } from '../../../src/transcript/transcriptMarks';
import { fromTeams, stepRig } from '../../helpers/stepHarness';

const DANA: AgentIdentity = { aadObjectId: 'aad-dana', name: 'Dana Reyes', admin: false };

describe('agentDeskStep', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    /** The takeover, knowing `agent` (or nobody) behind every activity; its desk answers commands. */
    async function rigWithAgent(agent: AgentIdentity | undefined) {
        const handoff = sandbox.createStubInstance(Handoffs);
        handoff.agentOf.resolves(agent);
        handoff.onAgentMessage.callsFake(async (context: TurnContext) => {
            await context.sendActivity('Queue: nobody is waiting.');
        });
        return { rig: await stepRig(), handoff, step: agentDeskStep(handoff) };
    }

    it('gives an agent’s message to the desk, and keeps it out of customers’ transcripts', async () => {
        const { rig, handoff, step } = await rigWithAgent(DANA);
        const run = await rig.run(step, fromTeams('queue', { aadObjectId: 'aad-dana' }));
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['Queue: nobody is waiting.']);
        assert.equal(run.turnState.get(SKIP_TRANSCRIPT), true);
        sinon.assert.calledOnce(handoff.onAgentMessage);
        assert.deepEqual(handoff.onAgentMessage.firstCall.args[1], DANA);
        assert.equal(handoff.agentOf.firstCall.args[0].from?.aadObjectId, 'aad-dana');
    });

    it('leaves everybody else’s message to the next steps, with nothing said and the transcript kept', async () => {
        const { rig, handoff, step } = await rigWithAgent(undefined);
        const run = await rig.run(step, fromTeams('queue', { aadObjectId: 'aad-customer' }));
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
        assert.equal(run.turnState.get(SKIP_TRANSCRIPT), undefined);
        sinon.assert.notCalled(handoff.onAgentMessage);
    });

    it('treats nobody as an agent when the bot runs without agents', async () => {
        const rig = await stepRig();
        const run = await rig.run(agentDeskStep(undefined), fromTeams('queue', { aadObjectId: 'aad-dana' }));
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
    });
});
