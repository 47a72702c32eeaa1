import assert from 'node:assert/strict';
import { ticketOutboxHooks } from '../../src/escalation/ticketOutbox';
import { IdempotentRequests, requestHash } from '../../src/psa/idempotentRequests';
import type { PsaAnswer } from '../../src/psa/psaAnswer';
import type { Actor } from '../../src/policy/types';
import type { OpenDatabase } from '../../src/store/database';
import { IdempotencyRepository } from '../../src/store/idempotencyRepository';
import { TicketRepository } from '../../src/store/ticketRepository';
import { TicketActions } from '../../src/tickets/ticketActions';
import { sampleTicket } from '../helpers/sampleTicket';
import { openTestDatabase, TEST_DATABASE_URL } from '../helpers/testDatabase';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const PSA: Actor = { kind: 'psa', id: 'autotask', name: 'autotask' };
const NOW = new Date('2026-11-23T09:00:00.000Z');

describe(`idempotent ticket changes (the change and its kept answer in one transaction; on ${ON})`, () => {
    let database: OpenDatabase;
    let tickets: TicketRepository;
    let actions: TicketActions;
    let requests: IdempotentRequests;
    let now: Date;

    beforeEach(async () => {
        database = await openTestDatabase();
        now = NOW;
        tickets = new TicketRepository(database.db, ticketOutboxHooks({ webhookUrls: ['https://psa.example/hook'], now: () => now }));
        actions = new TicketActions(tickets, { reopenDays: 7, now: () => now });
        requests = new IdempotentRequests(new IdempotencyRepository(database.db), () => now);
    });
    afterEach(() => database.close());

    const request = (key: string, text: string) => ({ scope: 'autotask', key, requestHash: requestHash('POST', '/comments', { text }) });
    const outboxRows = async () => (await database.db.selectFrom('outbox').select('id').execute()).length;

    /** Posts `text` once per key, as the PSA route does; `gate` holds the change until it opens. */
    function comment(ticketId: number, key: string, text: string, gate: Promise<void> = Promise.resolve()) {
        return requests.execute(request(key, text), async (keep) => {
            await gate;
            const answer = (status: number, body: object): PsaAnswer => ({ status, body: JSON.stringify(body) });
            const result = await actions.reply(ticketId, PSA, text, (trx, change) => keep(answer(201, { version: change.ticket.version }), trx));
            return result.ok ? answer(201, { version: result.ticket.version }) : answer(409, { reason: result.reason });
        });
    }

    it('two requests with one key at once: both past the look-up, one change survives, and both get its answer', async () => {
        const { ticket } = await tickets.create(sampleTicket('intake-1'), now);
        const outboxBefore = await outboxRows();
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        const both = Promise.all([comment(ticket.id, 'k-1', 'On it.', gate), comment(ticket.id, 'k-1', 'On it.', gate)]);
        await new Promise((resolve) => setTimeout(resolve, 50)); // both have looked for a kept answer and found none
        open();
        const [a, b] = await both;
        assert.equal(a.answer.body, b.answer.body);
        assert.deepEqual([a.replayed, b.replayed].sort(), [false, true]);
        const replies = (await tickets.events(ticket.id)).filter((e) => e.type === 'replied');
        assert.equal(replies.length, 1, 'the loser’s change was rolled back');
        const perChange = (await outboxRows()) - outboxBefore;
        const again = await comment(ticket.id, 'k-2', 'Second comment.');
        assert.equal(again.replayed, false);
        assert.equal((await outboxRows()) - outboxBefore, 2 * perChange, 'the rolled-back change left no outbox rows');
    });

    it('keeps refusals too, and forgets answers after their time', async () => {
        const { ticket } = await tickets.create(sampleTicket('intake-1'), now);
        const refused = await comment(ticket.id, 'k-1', '   ');
        assert.equal(refused.answer.status, 409);
        assert.equal((await comment(ticket.id, 'k-1', '   ')).replayed, true);
        assert.equal((await comment(ticket.id, 'k-1', 'Other text.')).answer.status, 422, 'the same key for another request');

        now = new Date(NOW.getTime() + 25 * 3_600_000);
        assert.equal(await requests.forgetOlderThan(24), 1);
        assert.equal((await comment(ticket.id, 'k-1', 'Other text.')).answer.status, 201, 'a forgotten key is new again');
    });
});
