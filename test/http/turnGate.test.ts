import assert from 'node:assert/strict';
import { ServerBusyError, TurnGate } from '../../src/http/turnGate';

/** A turn that finishes when the test says so. */
function pendingTurn(log: string[], name: string): { work: () => Promise<string>; finish: () => void } {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return {
        work: async () => {
            log.push(`start ${name}`);
            await done;
            return name;
        },
        finish: () => finish(),
    };
}

describe('TurnGate', () => {
    it('runs at most maxActive turns at once and starts the waiting ones in arrival order', async () => {
        const gate = new TurnGate(2, 10);
        const log: string[] = [];
        const turns = ['a', 'b', 'c', 'd'].map((n) => pendingTurn(log, n));
        const results = turns.map((t) => gate.run(t.work));
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(log, ['start a', 'start b']);
        assert.deepEqual(gate.load, { active: 2, queued: 2 });
        turns[1]?.finish();
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(log, ['start a', 'start b', 'start c']);
        for (const t of turns) t.finish();
        assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
        assert.deepEqual(gate.load, { active: 0, queued: 0 });
    });

    it('refuses at once when the queue is full, and frees the slot of a turn that failed', async () => {
        const gate = new TurnGate(1, 1);
        const log: string[] = [];
        const first = pendingTurn(log, 'first');
        const running = gate.run(first.work);
        const queued = gate.run(async () => 'queued');
        await assert.rejects(gate.run(async () => 'third'), ServerBusyError);
        first.finish();
        assert.equal(await running, 'first');
        assert.equal(await queued, 'queued');
        await assert.rejects(gate.run(async () => Promise.reject(new Error('boom'))), /boom/);
        assert.equal(await gate.run(async () => 'after a failure'), 'after a failure');
    });
});
