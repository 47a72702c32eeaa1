import assert from 'node:assert/strict';
import path from 'node:path';
import { TestAdapter, type Activity, type StoreItems } from 'botbuilder';
import { createBot } from '../../src/bot/createBot';
import { holdRepliesFirst } from '../../src/bot/heldReplies';
import { loadConfig } from '../../src/config';
import { CustomerDirectory } from '../../src/customers/customerDirectory';
import { GuidanceLibrary } from '../../src/guidance/guidanceLibrary';
import { loadPartnerProfile } from '../../src/partner/partnerProfile';
import { projectRoot } from '../../src/paths';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';
import { SqlStorage } from '../../src/store/sqlStorage';
import { TicketRepository } from '../../src/store/ticketRepository';
import { KeywordClassifier } from '../../src/understanding/keywordClassifier';
import { shown } from '../helpers/dialogHarness';

/**
 * The real SQL storage, where "another instance" saves every document right after this bot
 * reads it (for the first `races` reads), as a second bot process on the same database would.
 */
class RacedStorage extends SqlStorage {
    raced = 0;
    constructor(
        database: OpenDatabase,
        private readonly races: number,
    ) {
        super(database.db);
    }

    override async read(keys: string[]): Promise<StoreItems> {
        const items = await super.read(keys);
        if (this.raced < this.races) {
            this.raced++;
            await super.write(Object.fromEntries(keys.map((k) => [k, { ...(items[k] ?? {}), touchedByOtherInstance: this.raced, eTag: '*' }])));
        }
        return items;
    }
}

describe('turns on state another instance changes meanwhile', () => {
    let database: OpenDatabase;
    beforeEach(async () => {
        database = await openSqliteDatabase(':memory:');
    });
    afterEach(() => database.close());

    async function turn(storage: SqlStorage, activity: Partial<Activity>): Promise<Array<Partial<Activity>>> {
        const bot = createBot({
            storage,
            classifier: new KeywordClassifier(),
            guidance: GuidanceLibrary.fromDirectory(path.join(projectRoot(), 'content', 'guidance')),
            tickets: new TicketRepository(database.db),
            partner: loadPartnerProfile(loadConfig({})).profile,
            customers: new CustomerDirectory([]),
            minConfidence: 0.55,
            maxMessageChars: 4000,
        });
        const adapter = new TestAdapter(async (context) => bot.run(context));
        adapter.use(holdRepliesFirst);
        await adapter.processActivity({ type: 'message', ...activity });
        return adapter.activeQueue.splice(0);
    }

    it('a turn that loses the race once runs again and answers once', async () => {
        const baseline = await turn(new SqlStorage(database.db), { text: 'hi', conversation: { id: 'calm' } as Activity['conversation'] });
        const raced = new RacedStorage(database, 1);
        const replies = await turn(raced, { text: 'hi', conversation: { id: 'raced' } as Activity['conversation'] });
        assert.equal(raced.raced, 1);
        assert.deepEqual(replies.map(shown), baseline.map(shown));
        assert.match(replies.map(shown).join('\n'), /What can I help you with/);
    });

    it('a turn that keeps losing says nothing of its work and asks a Spanish customer to send it again', async () => {
        const storage = new RacedStorage(database, 1000);
        const replies = await turn(storage, { text: 'Outlook no recibe correos desde esta mañana', locale: 'es-ES', conversation: { id: 'busy' } as Activity['conversation'] });
        assert.deepEqual(replies.map(shown), ['Todavía estaba atendiendo su mensaje anterior y no he podido recibir este. Por favor, envíelo de nuevo.']);
        const key = 'test/conversations/busy/';
        const stored = (await new SqlStorage(database.db).read([key]))[key] as { DialogState?: unknown; touchedByOtherInstance?: number };
        assert.ok(stored.touchedByOtherInstance, 'the other instance’s save stands');
        assert.equal(stored.DialogState, undefined, 'no half-run intake was saved');
    });
});
