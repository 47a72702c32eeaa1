import assert from 'node:assert/strict';
import { TranscriptRepository, type NewTranscriptEntry } from '../../src/transcript/transcriptRepository';
import type { OpenDatabase } from '../../src/store/database';
import { openTestDatabase } from '../helpers/testDatabase';

const at = '2026-11-23T09:00:00.000Z';
const said = (conversationId: string, text: string): NewTranscriptEntry => ({ conversationId, role: 'customer', author: 'Ana', text, attachments: [], createdAt: at });

describe('TranscriptRepository (turns recorded together)', () => {
    let database: OpenDatabase;
    let transcript: TranscriptRepository;
    beforeEach(async () => {
        database = await openTestDatabase();
        transcript = new TranscriptRepository(database.db);
    });
    afterEach(() => database.close());

    it('records every turn of many conversations arriving at once, with their starts and references', async () => {
        await Promise.all(Array.from({ length: 40 }, (_, i) => transcript.append([said(`c${i}`, `message ${i} from alex@fabrikam.example`)], { conversationId: `c${i}`, json: `{"n":${i}}`, at })));
        const rows = await database.db.selectFrom('transcript_entries').select(['conversation_id', 'text']).execute();
        assert.equal(rows.length, 40);
        assert.equal((await database.db.selectFrom('conversation_starts').select('conversation_id').execute()).length, 40);
        assert.equal(await transcript.reference('c7'), '{"n":7}');
        const [entry] = await transcript.recent('c3', 5);
        assert.equal(entry?.text, 'message 3 from alex@fabrikam.example');
        assert.ok(entry && !entry.textRedacted.includes('alex@fabrikam.example'), `what leaves the partner is redacted: ${entry?.textRedacted}`);
    });

    it('keeps the other turns when one of them cannot be written', async () => {
        const broken = { ...said('bad', 'x'), text: null } as unknown as NewTranscriptEntry;
        const results = await Promise.allSettled([transcript.append([said('good-1', 'first')]), transcript.append([broken]), transcript.append([said('good-2', 'second')])]);
        assert.deepEqual(
            results.map((r) => r.status),
            ['fulfilled', 'rejected', 'fulfilled'],
        );
        const texts = (await database.db.selectFrom('transcript_entries').select('text').orderBy('id').execute()).map((r) => r.text);
        assert.deepEqual(texts, ['first', 'second']);
    });
});
