import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AttachmentRepository } from '../../src/attachments/attachmentRepository';
import type { OpenDatabase } from '../../src/store/database';
import { TicketRepository } from '../../src/store/ticketRepository';
import { sampleTicket } from '../helpers/sampleTicket';
import { openTestDatabase } from '../helpers/testDatabase';

const file = (id: string, bytes: Buffer, createdAt: string, conversationId = 'dl-conv') => ({
    id: id.padStart(32, '0'),
    conversationId,
    name: `${id}.png`,
    contentType: 'image/png',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    createdAt,
});

describe('AttachmentRepository (SQLite, or PostgreSQL under test:postgres)', () => {
    let database: OpenDatabase;
    let repo: AttachmentRepository;
    beforeEach(async () => {
        database = await openTestDatabase();
        repo = new AttachmentRepository(database.db);
    });
    afterEach(() => database.close());

    it('keeps the bytes exactly, with name, type, size and hash', async () => {
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x00, 0x0d, 0x0a]);
        await repo.add(file('a1', bytes, '2026-12-07T10:00:00.000Z'));
        const kept = await repo.get('a1'.padStart(32, '0'));
        assert.deepEqual(kept?.content, bytes);
        assert.equal(kept?.size, bytes.length);
        assert.equal(kept?.sha256, createHash('sha256').update(bytes).digest('hex'));
        assert.equal(kept?.ticketId, undefined);
        assert.equal(await repo.get('f'.repeat(32)), undefined);
    });

    it('files unfiled attachments with a ticket once, and lists them for it', async () => {
        const { ticket } = await new TicketRepository(database.db).create(sampleTicket('att-1'));
        await repo.add(file('b1', Buffer.from('one'), '2026-12-07T10:00:00.000Z'));
        await repo.add(file('b2', Buffer.from('two'), '2026-12-07T10:01:00.000Z'));
        await repo.add(file('b3', Buffer.from('elsewhere'), '2026-12-07T10:01:00.000Z', 'other-conv'));
        assert.deepEqual((await repo.unfiled('dl-conv')).map((f) => f.name), ['b1.png', 'b2.png']);
        assert.equal(await repo.fileWithTicket((await repo.unfiled('dl-conv')).map((f) => f.id), ticket.id), 2);
        assert.equal(await repo.fileWithTicket(['b1'.padStart(32, '0')], ticket.id), 0, 'already filed');
        assert.deepEqual((await repo.forTicket(ticket.id)).map((f) => f.name), ['b1.png', 'b2.png']);
        assert.deepEqual(await repo.unfiled('dl-conv'), []);
    });

    it('sweeps files past retention, then the oldest until the total fits', async () => {
        await repo.add(file('c1', Buffer.alloc(100), '2026-01-01T00:00:00.000Z'));
        await repo.add(file('c2', Buffer.alloc(100), '2026-12-01T00:00:00.000Z'));
        await repo.add(file('c3', Buffer.alloc(100), '2026-12-02T00:00:00.000Z'));
        await repo.add(file('c4', Buffer.alloc(100), '2026-12-03T00:00:00.000Z'));
        assert.equal(await repo.totalBytes(), 400);
        assert.equal(await repo.sweep('2026-06-01T00:00:00.000Z', 250), 2);
        assert.equal(await repo.get('c1'.padStart(32, '0')), undefined, 'past retention');
        assert.equal(await repo.get('c2'.padStart(32, '0')), undefined, 'oldest, over the total');
        assert.ok(await repo.get('c4'.padStart(32, '0')));
        assert.equal(await repo.totalBytes(), 200);
    });
});
