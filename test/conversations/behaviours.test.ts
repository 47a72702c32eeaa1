import assert from 'node:assert/strict';
import type { ConversationResult } from '../../scripts/conversations/runConversation';
import { runConversations } from '../../scripts/conversations/runConversations';

/**
 * Each difficult-customer behaviour, end to end through the real HTTP endpoint, in every
 * language the scripts have it in: the scripted conversations of corpus/conversations (written
 * natively per language) played by the eval runner, each of which must reach its expected end
 * state (tickets and their fields and words, a person offered or not, the language, what the
 * bot had to say). `npm run eval:conversations` measures all of them; these must never regress.
 */
const BEHAVIOURS: Record<string, string[]> = {
    'two problems in one message: said back, one outcome each': ['en-001', 'es-009', 'pt-004', 'ru-011'],
    'a language asked for in the customer’s own words': ['en-002', 'es-004', 'pt-017', 'ru-043'],
    'any news on my case? answered with their own ticket': ['en-004', 'es-001', 'pt-007', 'ru-038'],
    'written in another supported language than the locale': ['en-005', 'es-007', 'pt-009', 'ru-048'],
    'an old card clicked: nothing happens twice': ['en-006', 'es-003', 'pt-010', 'ru-053'],
    'anger twice: a person, and the ticket stands': ['en-007', 'es-014', 'pt-005', 'ru-027'],
    'a correction: the ticket describes what the customer settled on': ['en-009', 'es-005', 'pt-003', 'ru-001'],
    'a vague start: follow-up questions until there is enough to act on': ['en-010', 'es-035', 'pt-002', 'ru-019'],
    'licences paid for that users cannot use: technical, with impact and severity': ['en-027', 'es-010', 'pt-030'],
    'phone support asked for in any wording: there is none, and the problem is kept': ['en-032', 'es-015', 'pt-016', 'ru-033'],
};

describe('difficult customers, end to end (scripted conversations through the HTTP endpoint)', function () {
    this.timeout(300_000);
    const results = new Map<string, ConversationResult>();

    before(async () => {
        for (const result of await runConversations({ split: 'all', ids: Object.values(BEHAVIOURS).flat() })) results.set(result.script.id, result);
    });

    for (const [behaviour, ids] of Object.entries(BEHAVIOURS)) {
        it(behaviour, () => {
            for (const id of ids) {
                const result = results.get(id);
                assert.ok(result, `${id} ran`);
                assert.deepEqual(result.failures, [], `${id}: ${result.failures.map((f) => f.detail).join('; ')}`);
            }
        });
    }
});
