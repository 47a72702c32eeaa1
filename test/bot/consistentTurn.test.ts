import assert from 'node:assert/strict';
import { TestAdapter, type TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { ConsistentTurn } from '../../src/bot/consistentTurn';
import { TurnStates } from '../../src/bot/turnStates';
import { ETagConflictError } from '../../src/store/sqlStorage';

describe('ConsistentTurn', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    /** Turn states whose commit fails with `failures` in order, then succeeds. */
    function statesFailing(...failures: Error[]) {
        const states = sandbox.createStubInstance(TurnStates);
        states.load.resolves([]);
        failures.forEach((failure, i) => states.commit.onCall(i).rejects(failure));
        states.commit.resolves();
        return states;
    }

    const conflict = () => new ETagConflictError('test/conversations/Convo1/');

    /**
     * Runs one message through `turns`; the logic says "attempt N" and updates a card on each
     * attempt. Returns what the customer saw, and the turn's error, if any.
     */
    async function runTurn(turns: ConsistentTurn, logic: (context: TurnContext, attempt: number) => Promise<void> = say) {
        const adapter = new TestAdapter();
        const updates = sandbox.spy(adapter, 'updateActivity');
        const onBusy = sandbox.stub<[], Promise<void>>();
        let attempts = 0;
        let error: unknown;
        await adapter.processActivity({ type: 'message', text: 'hello' }, async (context) => {
            onBusy.callsFake(async () => void (await context.sendActivity('Please send it again.')));
            try {
                await turns.run(context, () => logic(context, ++attempts), onBusy);
            } catch (err) {
                error = err;
                await context.sendActivity('Sorry, something went wrong.');
            }
        });
        const replies = adapter.activeQueue.map((a) => a.text);
        return { replies, attempts, onBusy, error, updated: updates.getCalls().map((c) => c.args[1].id) };
    }

    async function say(context: TurnContext, attempt: number): Promise<void> {
        await context.sendActivity(`attempt ${attempt}`);
        await context.updateActivity({ id: `card-${attempt}`, type: 'message', text: 'answered' });
    }

    it('sends the replies once the state is saved', async () => {
        const states = statesFailing();
        const seenAtCommit: Array<string | undefined> = [];
        const adapterQueue = (context: TurnContext) => (context.adapter as TestAdapter).activeQueue.map((a) => a.text);
        states.commit.callsFake(async (context) => void seenAtCommit.push(...adapterQueue(context)));
        const { replies, attempts, updated, onBusy } = await runTurn(new ConsistentTurn(states));
        assert.deepEqual(seenAtCommit, [], 'nothing went out before the save');
        assert.deepEqual(replies, ['attempt 1']);
        assert.deepEqual(updated, ['card-1']);
        assert.equal(attempts, 1);
        sinon.assert.notCalled(onBusy);
    });

    it('drops what an attempt that lost an eTag race said, and runs again on fresh state', async () => {
        const states = statesFailing(conflict());
        const { replies, attempts, updated, error } = await runTurn(new ConsistentTurn(states));
        assert.equal(error, undefined);
        assert.deepEqual(replies, ['attempt 2']);
        assert.deepEqual(updated, ['card-2'], 'the losing attempt’s card update was never applied');
        assert.equal(attempts, 2);
        sinon.assert.calledTwice(states.load);
    });

    it('asks the customer to send the message again after maxAttempts lost races, with nothing of the work said', async () => {
        const states = statesFailing(conflict(), conflict(), conflict());
        const { replies, attempts, updated, onBusy } = await runTurn(new ConsistentTurn(states));
        assert.deepEqual(replies, ['Please send it again.']);
        assert.deepEqual(updated, []);
        assert.equal(attempts, 3);
        sinon.assert.calledOnce(onBusy);
    });

    it('honours a smaller maxAttempts', async () => {
        const states = statesFailing(conflict(), conflict());
        const { replies, attempts } = await runTurn(new ConsistentTurn(states, 2));
        assert.deepEqual(replies, ['Please send it again.']);
        assert.equal(attempts, 2);
    });

    it('lets an error that is not an eTag conflict propagate, without rerunning and with nothing sent but the apology', async () => {
        const states = statesFailing(new Error('SQLITE_FULL: database or disk is full'));
        const { replies, attempts, updated, error, onBusy } = await runTurn(new ConsistentTurn(states));
        assert.match(String(error), /SQLITE_FULL/);
        assert.deepEqual(replies, ['Sorry, something went wrong.']);
        assert.deepEqual(updated, []);
        assert.equal(attempts, 1);
        sinon.assert.notCalled(onBusy);
    });

    it('saves nothing and says nothing of a turn whose logic fails half-way', async () => {
        const states = statesFailing();
        const { replies, error } = await runTurn(new ConsistentTurn(states), async (context, attempt) => {
            await say(context, attempt);
            throw new Error('guidance index unavailable');
        });
        assert.match(String(error), /guidance index unavailable/);
        assert.deepEqual(replies, ['Sorry, something went wrong.']);
        sinon.assert.notCalled(states.commit);
    });
});
