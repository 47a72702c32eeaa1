import assert from 'node:assert/strict';
import type { OpenDatabase } from '../../src/store/database';
import { TicketRepository } from '../../src/store/ticketRepository';
import { ticketOutboxHooks } from '../../src/escalation/ticketOutbox';
import { TicketActions } from '../../src/tickets/ticketActions';
import { TicketClock } from '../../src/tickets/ticketClock';
import { createLogger } from '../../src/logger';
import type { Actor } from '../../src/policy/types';
import { sampleTicket } from '../helpers/sampleTicket';
import { openTestDatabase, TEST_DATABASE_URL } from '../helpers/testDatabase';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const MARIA: Actor = { kind: 'agent', id: 'aad-maria', name: 'Maria Lopez' };
const JOAO: Actor = { kind: 'agent', id: 'aad-joao', name: 'João Silva' };
const CUSTOMER: Actor = { kind: 'customer', id: 'user-alex', name: 'Alex Kim' };
const PSA: Actor = { kind: 'psa', id: 'key-autotask', name: 'Autotask' };
const HOUR = 3_600_000;
/** Opened 09:00 UTC, Severity B due four hours later (13:00). */
const OPENED = new Date('2026-11-23T09:00:00.000Z');

describe(`ticket lifecycle (statuses, events with their actor, outbox, clock; on ${ON})`, () => {
    let database: OpenDatabase;
    let tickets: TicketRepository;
    let actions: TicketActions;
    let now: Date;

    beforeEach(async () => {
        database = await openTestDatabase();
        now = OPENED;
        tickets = new TicketRepository(database.db, ticketOutboxHooks({ webhookUrls: ['https://psa.example/hook'], now: () => now }));
        actions = new TicketActions(tickets, { reopenDays: 7, now: () => now });
    });
    afterEach(() => database.close());

    async function open(key = 'intake-1'): Promise<number> {
        const created = await tickets.create(sampleTicket(key), now);
        return created.ticket.id;
    }

    async function outbox(): Promise<Array<{ kind: string; key: string; payload: Record<string, unknown> }>> {
        const rows = await database.db.selectFrom('outbox').select(['kind', 'idempotency_key', 'payload']).orderBy('id').execute();
        return rows.map((r) => ({ kind: r.kind, key: r.idempotency_key, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    }

    const later = (hours: number): Date => new Date(OPENED.getTime() + hours * HOUR);

    it('new → assigned → waiting on the customer → answered → with Microsoft → resolved → closed, each change an event with who and when', async () => {
        const id = await open();
        assert.equal((await tickets.findById(id))?.status, 'new');

        now = later(0.5);
        const assigned = await actions.assign(id, MARIA, { aadObjectId: 'aad-maria', name: 'Maria Lopez' });
        assert.ok(assigned.ok);
        assert.equal(assigned.ticket.status, 'assigned');
        assert.equal(assigned.ticket.assigneeName, 'Maria Lopez');
        assert.equal(assigned.ticket.firstResponseAt, null, 'assigning is not an answer');

        now = later(1);
        const asked = await actions.waitOnCustomer(id, MARIA, 'Which mailbox is affected?');
        assert.ok(asked.ok);
        assert.equal(asked.ticket.status, 'waiting-customer');
        assert.equal(asked.ticket.firstResponseAt, later(1).toISOString(), 'a question to the customer is the first response');
        assert.equal(asked.ticket.firstResponseBy, 'Maria Lopez');

        now = later(2);
        const answered = await actions.customerReplied(id, CUSTOMER, 'alex@fabrikam.example, since 9am');
        assert.ok(answered.ok);
        assert.equal(answered.ticket.status, 'assigned', 'the answer goes back to the assignee');

        const filed = await actions.withMicrosoft(id, MARIA, 'SR 2611230010000123');
        assert.ok(filed.ok);
        assert.equal(filed.ticket.status, 'with-microsoft');

        now = later(5);
        const resolved = await actions.resolve(id, MARIA, 'Microsoft fixed the transport rule; mail flows again.');
        assert.ok(resolved.ok);
        assert.equal(resolved.ticket.status, 'resolved');
        assert.equal(resolved.ticket.resolutionText, 'Microsoft fixed the transport rule; mail flows again.');
        assert.equal(resolved.ticket.resolvedAt, later(5).toISOString());
        assert.equal(resolved.ticket.firstResponseAt, later(1).toISOString(), 'the first response stays the first');

        const closed = await actions.close(id, MARIA);
        assert.ok(closed.ok);
        assert.equal(closed.ticket.status, 'closed');
        assert.equal(closed.ticket.closedAt, later(5).toISOString());

        const events = await tickets.events(id);
        assert.deepEqual(
            events.map((e) => [e.type, e.actor?.kind ?? null, e.actor?.name ?? null]),
            [
                ['opened', 'customer', null],
                ['assigned', 'agent', 'Maria Lopez'],
                ['status-changed', 'agent', 'Maria Lopez'],
                ['customer-replied', 'customer', 'Alex Kim'],
                ['status-changed', 'agent', 'Maria Lopez'],
                ['resolved', 'agent', 'Maria Lopez'],
                ['closed', 'agent', 'Maria Lopez'],
            ],
        );
        assert.equal(events[2]?.createdAt, later(1).toISOString());
    });

    it('every change goes out once: a webhook naming the change, the agents’ card update, and a notice where the customer hears of it', async () => {
        const id = await open();
        await actions.assign(id, MARIA, { aadObjectId: 'aad-maria', name: 'Maria Lopez' });
        await actions.reply(id, MARIA, 'We are looking at your mail flow now.');
        await actions.resolve(id, MARIA, 'Fixed.');
        const rows = await outbox();
        const webhooks = rows.filter((r) => r.kind === 'webhook');
        assert.deepEqual(
            webhooks.map((r) => [r.payload.event, (r.payload.change as { type: string }).type, (r.payload.change as { actor: string | null }).actor, (r.payload.change as { status_to: string }).status_to]),
            [
                ['ticket.created', 'opened', 'customer', 'new'],
                ['ticket.updated', 'assigned', 'agent', 'assigned'],
                ['ticket.updated', 'replied', 'agent', 'assigned'],
                ['ticket.updated', 'resolved', 'agent', 'resolved'],
            ],
        );
        const last = webhooks.at(-1)?.payload.ticket as Record<string, unknown>;
        assert.equal(last.assignee_name, 'Maria Lopez');
        assert.equal(last.due_met, true);
        assert.equal(last.resolution_text_redacted, 'Fixed.');
        assert.deepEqual(rows.filter((r) => r.kind === 'agent-notice').map((r) => r.payload.event), ['ticket.created', 'ticket.updated', 'ticket.updated', 'ticket.updated']);
        assert.equal(rows.filter((r) => r.kind === 'customer-notice').length, 3, 'assigned, the reply and the resolution reach the customer');
        assert.equal(new Set(rows.map((r) => r.key)).size, rows.length, 'no two messages share a key');
    });

    it('a customer reopens a resolved ticket within the window, not after; an agent reopens any time; a closed ticket stays closed for the customer', async () => {
        const id = await open();
        await actions.assign(id, MARIA, { aadObjectId: 'aad-maria', name: 'Maria Lopez' });
        now = later(1);
        await actions.resolve(id, MARIA, 'Reset the mailbox rule.');

        now = later(1 + 24 * 3);
        const reopened = await actions.reopen(id, CUSTOMER, 'Still not arriving');
        assert.ok(reopened.ok);
        assert.equal(reopened.ticket.status, 'assigned', 'back to the agent who had it');
        assert.equal(reopened.ticket.resolvedAt === null || reopened.ticket.closedAt === null, true);
        assert.equal(reopened.ticket.dueAt, sampleTicket('x').dueAt, 'a reopened ticket keeps its original due time');

        await actions.resolve(id, MARIA, 'Second fix.');
        now = later(1 + 24 * 3 + 24 * 8);
        const late = await actions.reopen(id, CUSTOMER, 'again');
        assert.deepEqual([late.ok, late.ok ? '' : late.reason], [false, 'reopen-window-passed']);
        const byAgent = await actions.reopen(id, JOAO, 'Customer called back');
        assert.ok(byAgent.ok);

        await actions.resolve(id, JOAO, 'Done.');
        await actions.close(id, JOAO);
        const closed = await actions.reopen(id, CUSTOMER);
        assert.deepEqual([closed.ok, closed.ok ? '' : closed.reason], [false, 'closed']);
        assert.equal((await tickets.findById(id))?.status, 'closed');
    });

    it('refuses what the rules forbid, with a reason and no event: customers setting statuses, closing an open ticket, a resolution without text', async () => {
        const id = await open();
        const before = (await tickets.events(id)).length;
        const customer = await actions.setStatus(id, CUSTOMER, 'resolved', 'I fixed it myself');
        assert.deepEqual([customer.ok, customer.ok ? '' : customer.reason], [false, 'not-allowed']);
        const closeOpen = await actions.close(id, MARIA);
        assert.deepEqual([closeOpen.ok, closeOpen.ok ? '' : closeOpen.reason], [false, 'not-resolved']);
        const silent = await actions.resolve(id, MARIA, '   ');
        assert.deepEqual([silent.ok, silent.ok ? '' : silent.reason], [false, 'needs-text']);
        const missing = await actions.resolve(9999, MARIA, 'x');
        assert.deepEqual([missing.ok, missing.ok ? '' : missing.reason], [false, 'not-found']);
        assert.equal((await tickets.events(id)).length, before);
        assert.equal((await tickets.findById(id))?.status, 'new');
    });

    it('two agents assigning at the same moment: one change wins, the other sees it (no lost update)', async () => {
        const id = await open();
        const [a, b] = await Promise.all([
            actions.assign(id, MARIA, { aadObjectId: 'aad-maria', name: 'Maria Lopez' }),
            actions.assign(id, JOAO, { aadObjectId: 'aad-joao', name: 'João Silva' }),
        ]);
        assert.ok(a.ok && b.ok, 'both are applied in turn');
        const ticket = await tickets.findById(id);
        const assignedEvents = (await tickets.events(id)).filter((e) => e.type === 'assigned');
        assert.equal(assignedEvents.length, 2);
        const lastTo = (JSON.parse(assignedEvents[1]?.data ?? '{}') as { to: string }).to;
        assert.equal(ticket?.assigneeName, lastTo, 'the stored assignee is the last event’s');
        assert.equal(ticket?.version, 2, 'two changes after the create');
    });

    it('the PSA may answer and resolve: its first reply is the first response, and the ticket knows its due time was met', async () => {
        const id = await open();
        now = later(3);
        const replied = await actions.reply(id, PSA, 'Technician assigned in our PSA.');
        assert.ok(replied.ok);
        assert.equal(replied.ticket.firstResponseBy, 'Autotask');
        assert.equal(replied.ticket.assigneeName, null, 'the PSA does not become the assignee');
        now = later(30);
        const late = await tickets.create(sampleTicket('intake-late'), OPENED);
        const lateReply = await actions.reply(late.ticket.id, MARIA, 'Sorry for the wait.');
        assert.ok(lateReply.ok);
        const hooks = (await outbox()).filter((r) => r.kind === 'webhook').map((r) => r.payload.ticket as { number: string; due_met: boolean | null });
        assert.equal(hooks.find((h) => h.number === replied.ticket.number && h.due_met !== null)?.due_met, true);
        assert.equal(hooks.find((h) => h.number === late.ticket.number && h.due_met !== null)?.due_met, false);
    });

    describe('the clock', () => {
        function clock(): TicketClock {
            return new TicketClock(database.db, tickets, actions, { alertShare: 0.75, reopenDays: 7, now: () => now, wallClock: () => now }, createLogger('silent'));
        }

        async function alerts(): Promise<Array<{ kind: string; ticketId: number }>> {
            return (await outbox()).filter((r) => r.kind === 'agent-alert').map((r) => ({ kind: r.payload.kind as string, ticketId: r.payload.ticketId as number }));
        }

        it('raises at-risk at 75 % of the window and breach at the due time, each once, across restarts and instances', async () => {
            const id = await open();
            now = later(2.9);
            assert.deepEqual(await clock().sweep(), { alerts: 0, closed: 0 }, 'before 75 % of four hours nothing');
            now = later(3.1);
            assert.deepEqual(await clock().sweep(), { alerts: 1, closed: 0 });
            const [first, second] = await Promise.all([clock().sweep(), clock().sweep()]);
            assert.equal(first.alerts + second.alerts, 0, 'a second instance or a restart adds nothing');
            now = later(4.01);
            const [a, b] = await Promise.all([clock().sweep(), clock().sweep()]);
            assert.equal(a.alerts + b.alerts, 1, 'two instances sweeping at once raise the breach once');
            assert.deepEqual(await alerts(), [
                { kind: 'at-risk', ticketId: id },
                { kind: 'breach', ticketId: id },
            ]);
            assert.deepEqual(
                (await tickets.events(id)).filter((e) => e.type.startsWith('alert.')).map((e) => e.type),
                ['alert.at-risk', 'alert.breach'],
            );
        });

        it('an answered ticket raises nothing; a resolved one closes itself after the reopen window', async () => {
            const id = await open();
            now = later(1);
            await actions.reply(id, MARIA, 'On it.');
            now = later(5);
            assert.equal((await clock().sweep()).alerts, 0);
            await actions.resolve(id, MARIA, 'Fixed.');
            now = later(5 + 24 * 6);
            assert.equal((await clock().sweep()).closed, 0);
            now = later(5 + 24 * 7 + 1);
            assert.equal((await clock().sweep()).closed, 1);
            const ticket = await tickets.findById(id);
            assert.equal(ticket?.status, 'closed');
            assert.equal((await tickets.events(id)).at(-1)?.actor?.kind, 'system');
            assert.deepEqual(await alerts(), []);
        });
    });
});
