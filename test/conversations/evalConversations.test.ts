import assert from 'node:assert/strict';
import { projectRoot } from '../../src/paths';
import { isDev } from '../../scripts/training/split';
import { loadConversations, selectConversations } from '../../scripts/conversations/conversationScript';
import { CatalogueMatcher } from '../../scripts/conversations/catalogueMatcher';
import { PERSON_KEYS, RETRY_KEYS, SAYS_KEYS } from '../../scripts/conversations/expectations';
import { formatReport } from '../../scripts/conversations/report';
import type { ConversationResult } from '../../scripts/conversations/runConversation';
import { runConversations } from '../../scripts/conversations/runConversations';

/** One plain conversation per language, on both channels: a problem told once, then the persona answers everything (en-015's article solves it). */
const IDS = ['en-015', 'es-020', 'pt-001', 'ru-059'];

describe('npm run eval:conversations (the runner itself, not the bot’s scores)', function () {
    this.timeout(120_000);
    let results: ConversationResult[];

    before(async () => {
        results = await runConversations({ split: 'dev', ids: IDS });
    });

    it('plays each script through the real app to an end state where the bot asks nothing more', () => {
        assert.deepEqual(
            results.map((r) => r.script.id),
            IDS,
        );
        for (const r of results) {
            assert.ok(r.end, `${r.script.id} ended without a runner error: ${r.failures[0]?.detail}`);
            assert.ok(!r.failures.some((f) => f.check === 'error'));
            assert.ok(!r.transcript.some((l) => l.from === 'runner'), `${r.script.id}: the autopilot had an answer for every question`);
            assert.equal(r.transcript.at(-1)?.from, 'bot', `${r.script.id}: the customer's last answer was answered`);
            const customer = r.transcript.filter((l) => l.from === 'customer').map((l) => l.text);
            if (r.script.persona.solved) assert.ok(customer.some((t) => /presses ".+" on guidance-solved/.test(t)), `${r.script.id}: the autopilot said the article solved it`);
            else {
                assert.ok(customer.includes(r.script.persona.email), `${r.script.id}: the autopilot typed the persona's e-mail when asked`);
                assert.ok(customer.some((t) => /presses ".+" on escalation-confirm/.test(t)), `${r.script.id}: the autopilot confirmed the summary card`);
            }
            assert.equal(r.end.language, r.script.lang, `${r.script.id}: the bot's last replies are told to be in the script's language`);
        }
    });

    it('reads the tickets the conversation stored in the database', () => {
        for (const r of results) {
            const [ticket, ...more] = r.end?.tickets ?? [];
            assert.equal(more.length, 0, r.script.id);
            const said = r.script.turns.find((t) => 'say' in t);
            assert.ok(ticket && said && 'say' in said && ticket.description.includes(said.say.slice(0, 30)), `${r.script.id}: the stored description is what the customer wrote`);
            assert.equal(ticket.status, r.script.persona.solved ? 'resolved' : 'new', `${r.script.id}: an article that solved it is recorded as resolved`);
        }
    });

    it('ends its report with the machine-readable line', () => {
        const lines = formatReport(results, { title: 'test', verbose: true }).trimEnd().split('\n');
        const correct = results.filter((r) => r.failures.length === 0).length / results.length;
        assert.equal(lines.at(-1), `conversations: correct=${correct.toFixed(3)} dead_ends=${results.filter((r) => r.deadEnd.length > 0).length} n=4`);
        assert.match(lines.at(-1) ?? '', /^conversations: correct=\d\.\d{3} dead_ends=\d+ n=\d+$/);
    });

    it('selects the dev split by the hash of the conversation id', () => {
        const all = loadConversations(projectRoot());
        const dev = selectConversations(all, { split: 'dev' });
        assert.equal(all.length, 240);
        assert.ok(dev.length > 0 && dev.length < all.length);
        assert.ok(dev.every((s) => isDev(s.id)));
        assert.deepEqual(selectConversations(all, { split: 'all', lang: 'pt' }).map((s) => s.lang), Array(60).fill('pt'));
    });

    it('checks only texts the catalogues have (a renamed key would make a check pass or fail for nothing)', () => {
        const catalogue = new CatalogueMatcher();
        const keys = [...Object.values(SAYS_KEYS).flat(), ...PERSON_KEYS, ...RETRY_KEYS];
        assert.deepEqual(
            keys.filter((key) => !catalogue.has(key)),
            [],
        );
    });
});
