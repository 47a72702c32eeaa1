import assert from 'node:assert/strict';
import type { OpenDatabase } from '../../src/store/database';
import { ETagConflictError, NEW_ITEM_ETAG, SqlStorage } from '../../src/store/sqlStorage';
import { TicketRepository, formatTicketNumber, type NewTicket } from '../../src/store/ticketRepository';
import { openTestDatabase, TEST_DATABASE_URL } from '../helpers/testDatabase';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';

describe(`SqlStorage (Bot Framework state over SQL, on ${ON})`, () => {
    let database: OpenDatabase;
    let storage: SqlStorage;
    beforeEach(async () => {
        database = await openTestDatabase();
        storage = new SqlStorage(database.db);
    });
    afterEach(() => database.close());

    it('reads back what it wrote, with an eTag', async () => {
        await storage.write({ 'webchat/conversations/c1': { step: 2, answers: ['a'] } });
        const items = await storage.read(['webchat/conversations/c1', 'missing']);
        assert.deepEqual({ ...items['webchat/conversations/c1'], eTag: undefined }, { step: 2, answers: ['a'], eTag: undefined });
        assert.match(String(items['webchat/conversations/c1']?.eTag), /^[0-9a-f-]{36}$/);
        assert.equal(items.missing, undefined);
    });

    it('rejects a write with a stale eTag and keeps the newer document', async () => {
        await storage.write({ k: { v: 1 } });
        const first = (await storage.read(['k'])).k as { v: number; eTag: string };
        const second = (await storage.read(['k'])).k as { v: number; eTag: string };
        await storage.write({ k: { ...first, v: 2 } });
        await assert.rejects(storage.write({ k: { ...second, v: 3 } }), ETagConflictError);
        assert.equal(((await storage.read(['k'])).k as { v: number }).v, 2);
    });

    it('with shared transactions, turns finishing together each keep their write, and the one that lost a race is told so alone', async () => {
        const shared = new SqlStorage(database.db, true);
        await shared.write({ raced: { v: 0 } });
        const read = (await shared.read(['raced'])).raced as { v: number; eTag: string };
        const results = await Promise.allSettled([
            shared.write({ 'conv/a': { v: 1 }, 'user/a': { v: 1 } }),
            shared.write({ raced: { ...read, v: 1 } }),
            shared.write({ raced: { ...read, v: 2 }, 'conv/lost': { v: 2 } }),
            shared.write({ 'conv/b': { v: 3 } }),
        ]);
        assert.deepEqual(
            results.map((r) => (r.status === 'fulfilled' ? 'kept' : r.reason instanceof ETagConflictError ? 'conflict' : String(r.reason))),
            ['kept', 'kept', 'conflict', 'kept'],
        );
        const items = await shared.read(['conv/a', 'user/a', 'raced', 'conv/lost', 'conv/b']);
        assert.deepEqual(
            Object.fromEntries(Object.entries(items).map(([k, v]) => [k, (v as { v: number }).v])),
            { 'conv/a': 1, 'user/a': 1, raced: 1, 'conv/b': 3 },
            'the losing turn wrote nothing, not even its other document',
        );
    });

    it('overwrites with eTag "*" and deletes', async () => {
        await storage.write({ k: { v: 1 } });
        await storage.write({ k: { v: 9, eTag: '*' } });
        assert.equal(((await storage.read(['k'])).k as { v: number }).v, 9);
        await storage.delete(['k']);
        assert.deepEqual(await storage.read(['k']), {});
    });

    it('writes several keys in one transaction: a conflict on one leaves the others unchanged', async () => {
        await storage.write({ a: { v: 1 }, b: { v: 1 } });
        await assert.rejects(storage.write({ a: { v: 2, eTag: '*' }, b: { v: 2, eTag: 'stale' } }), ETagConflictError);
        const items = await storage.read(['a', 'b']);
        assert.equal((items.a as { v: number }).v, 1);
    });

    it('keeps state for the longest conversation id a channel may send (1024 characters)', async () => {
        const key = `msteams/conversations/${'a'.repeat(1024)}`;
        await storage.write({ [key]: { step: 1 } });
        const read = (await storage.read([key]))[key] as { step: number; eTag: string };
        assert.equal(read.step, 1);
        await storage.write({ [key]: { ...read, step: 2 } });
        await assert.rejects(storage.write({ [key]: { ...read, step: 3 } }), ETagConflictError);
        await storage.delete([key]);
        assert.deepEqual(await storage.read([key]), {});
    });

    it('of ten writers holding the same eTag, exactly one wins and its document is kept', async () => {
        await storage.write({ k: { v: 0 } });
        const read = (await storage.read(['k'])).k as { v: number; eTag: string };
        const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => storage.write({ k: { ...read, v: i + 1 } })));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
        assert.equal(won.length, 1);
        assert.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof ETagConflictError));
        assert.equal(((await storage.read(['k'])).k as { v: number }).v, won[0]);
    });

    it('creates a document read as absent only once: a second creator gets a conflict', async () => {
        const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => storage.write({ fresh: { v: i, eTag: NEW_ITEM_ETAG } })));
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        await assert.rejects(storage.write({ fresh: { v: 9, eTag: NEW_ITEM_ETAG } }), ETagConflictError);
    });
});

describe(`TicketRepository (on ${ON})`, () => {
    let database: OpenDatabase;
    let tickets: TicketRepository;
    const ticket = (key: string): NewTicket => ({
        idempotencyKey: key,
        status: 'new',
        resolution: null,
        conversationId: 'c1',
        channelId: 'webchat',
        language: 'en',
        title: 'Mail not arriving',
        description: 'Mail not arriving since 9am',
        descriptionRedacted: 'Mail not arriving since 9am',
        category: 'technical',
        product: 'microsoft365',
        kind: 'break-fix',
        impact: 'moderate',
        severity: 'B',
        dueAt: '2026-11-23T13:00:00.000Z',
        dueBasis: 'around-the-clock',
        guidanceArticleId: null,
        customer: { name: 'Alex Kim', email: 'alex@fabrikam.example', organisation: 'Fabrikam', tenantId: null },
        supportPlanId: null,
        partnerContact: { name: 'Dana Reyes', email: 'escalations@contoso-cloud.example', phone: null },
    });
    beforeEach(async () => {
        database = await openTestDatabase();
        tickets = new TicketRepository(database.db);
    });
    afterEach(() => database.close());

    it('numbers tickets SR-<year>-<6 digits> and records an "opened" event', async () => {
        const { ticket: row, created } = await tickets.create(ticket('k1'), new Date('2026-11-23T09:00:00Z'));
        assert.equal(created, true);
        assert.equal(row.number, 'SR-2026-000001');
        assert.equal(row.partnerContactEmail, 'escalations@contoso-cloud.example');
        assert.equal(row.customerEmail, 'alex@fabrikam.example');
        assert.deepEqual((await tickets.events(row.id)).map((e) => e.type), ['opened']);
        assert.equal(formatTicketNumber(123, new Date('2027-01-01T00:00:00Z')), 'SR-2027-000123');
    });

    it('creating twice with one idempotency key returns the first ticket', async () => {
        const first = await tickets.create(ticket('same'));
        const again = await tickets.create({ ...ticket('same'), title: 'changed' });
        assert.equal(again.created, false);
        assert.equal(again.ticket.number, first.ticket.number);
        assert.equal(again.ticket.title, 'Mail not arriving');
        assert.equal((await tickets.listByConversation('c1')).length, 1);
    });

    it('survives concurrent creates with the same key: exactly one ticket', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => tickets.create(ticket('race'))));
        assert.equal(results.filter((r) => r.created).length, 1);
        assert.equal((await tickets.listByConversation('c1')).length, 1);
    });

    it('gives concurrent creates with different keys different numbers', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => tickets.create(ticket(`k${i}`), new Date('2026-11-23T09:00:00Z'))));
        const numbers = new Set(results.map((r) => r.ticket.number));
        assert.equal(numbers.size, 10);
        for (const n of numbers) assert.match(String(n), /^SR-2026-\d{6}$/);
    });

    it('stores text with NUL characters (which PostgreSQL text cannot hold) without them', async () => {
        const { ticket: row } = await tickets.create({ ...ticket('nul'), description: 'Mail\u0000 not arriving', customer: { ...ticket('nul').customer, organisation: 'Fabrikam\u0000 Ltd' } });
        assert.equal(row.description, 'Mail not arriving');
        assert.equal(row.customerOrganisation, 'Fabrikam Ltd');
    });

    it('does not skip a number when a create is repeated (a retried confirmation)', async () => {
        await tickets.create(ticket('first'));
        await tickets.create(ticket('first'));
        const { ticket: second } = await tickets.create(ticket('second'), new Date('2026-11-23T09:00:00Z'));
        assert.equal(second.number, 'SR-2026-000002');
    });
});
