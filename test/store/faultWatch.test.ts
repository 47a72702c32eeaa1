import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createLogger } from '../../src/logger';
import { FaultWatch, type DatabaseFault } from '../../src/store/faultWatch';

describe('FaultWatch: a database fault is cheap to ask about and hard to miss', () => {
    let clock: sinon.SinonFakeTimers;
    let lines: Array<{ severity: string; msg: string; reason?: string }>;
    let fault: DatabaseFault | undefined;
    let checks: number;
    let watch: FaultWatch;

    beforeEach(() => {
        clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
        lines = [];
        fault = undefined;
        checks = 0;
        const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as { severity: string; msg: string }) });
        watch = new FaultWatch(async () => (checks++, fault), { database: '/data/bot.sqlite', logger, cacheMs: 1500, intervalMs: 15_000, repeatLogMs: 60_000 });
    });
    afterEach(() => {
        watch.stop();
        clock.restore();
    });

    it('asks the database at most once per 1.5 s however many probes come', async () => {
        await Promise.all([watch.current(), watch.current(), watch.current()]);
        await watch.current();
        assert.equal(checks, 1);
        clock.tick(1600);
        await watch.current();
        assert.equal(checks, 2);
    });

    it('logs a lasting fault at ERROR once a minute, and at INFO when it clears', async () => {
        fault = { reason: 'the database cannot write', error: new Error('attempt to write a readonly database') };
        for (let second = 0; second < 90; second += 2) {
            await watch.current();
            clock.tick(2000);
        }
        const errors = lines.filter((l) => l.severity === 'ERROR');
        assert.equal(errors.length, 2, 'at 0 s and after a minute');
        assert.equal(errors[0]?.reason, 'the database cannot write');
        fault = undefined;
        await clock.tickAsync(2000);
        await watch.current();
        assert.deepEqual(lines.slice(2).map((l) => [l.severity, l.msg]), [['INFO', 'database takes turns again']]);
    });

    it('checks by itself, so that a fault is logged with no probe asking', async () => {
        fault = { reason: 'the database file was deleted' };
        await clock.tickAsync(15_000);
        assert.equal(checks, 1);
        assert.equal(lines[0]?.severity, 'ERROR');
    });
});
