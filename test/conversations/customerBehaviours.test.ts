import assert from 'node:assert/strict';
import { CatalogueMatcher } from '../../scripts/conversations/catalogueMatcher';
import type { ConversationScript } from '../../scripts/conversations/conversationScript';
import { runConversation, type ConversationResult } from '../../scripts/conversations/runConversation';
import { runnerTools } from '../../scripts/conversations/runConversations';
import { fold } from '../../scripts/conversations/expectations';
import { buttonsOf } from '../../scripts/conversations/questions';
import { ANGRY_FOR_A_PHONE, DETAILS_NAME_THE_SERVICE, PHONE_THEN_PROBLEM, SEVERITY_A_AND_ANOTHER, SEVERITY_A_CLOSED, STATUS_WITH_A_NUMBER, TWO_PROBLEMS_AFTER_HELLO, TWO_PROBLEMS_LISTED, VAGUE_ANGRY_START } from './behaviourScripts';

const catalogue = new CatalogueMatcher();

/** What each conversation must show besides its scripted end state (tickets, person, language, what the bot said). */
type Extra = (result: ConversationResult) => void;

const saidText = (script: ConversationScript, turn: number): string => {
    const said = script.turns[turn];
    return said && 'say' in said ? said.say : '';
};

const BEHAVIOURS: Array<[string, ConversationScript[], Extra?]> = [
    ['Severity A with the desk closed: the ticket, and when a person can chat', SEVERITY_A_CLOSED],
    [
        'a phone number asked for, then the problem: no phone support, and the ticket is about the problem',
        PHONE_THEN_PROBLEM,
        (r) => {
            const [ticket] = r.end?.tickets ?? [];
            assert.ok(!fold(ticket?.description ?? '').includes(fold(saidText(r.script, 0)).slice(0, 30)), `${r.script.id}: the phone question is not the problem: "${ticket?.description}"`);
            const answer = r.transcript.filter((l) => l.from === 'bot' && l.turn === 1);
            assert.ok(!answer.some((l) => l.activity && buttonsOf(l.activity).length > 0), `${r.script.id}: the question alone is not taken down as a case to confirm`);
        },
    ],
    [
        'the service named with details in the answer to "which service?": taken, not asked again',
        DETAILS_NAME_THE_SERVICE,
        (r) => assert.ok((r.end?.cardPrompts.filter((p) => p === 'intake-product').length ?? 0) <= 1, `${r.script.id}: asked which service at most once`),
    ],
    [
        'two problems listed after a greeting: both kept, and said back without the greeting',
        TWO_PROBLEMS_LISTED,
        (r) => {
            const saidBack = r.transcript.find((l) => l.from === 'bot' && /“|«/.test(l.text))?.text ?? '';
            const greeting = saidText(r.script, 0).split(/[ ,]/)[0] ?? '';
            assert.ok(saidBack && !saidBack.includes(`“${greeting}`) && !saidBack.includes(`«${greeting}`), `${r.script.id}: "${saidBack}"`);
        },
    ],
    ['a greeting, then two problems in answer to "what can I help you with?": both kept', TWO_PROBLEMS_AFTER_HELLO],
    ['Severity A and another request in one message: both get a ticket, then a person', SEVERITY_A_AND_ANOTHER],
    ['anger with a request for a phone number: there is no phone support, and a person comes', ANGRY_FOR_A_PHONE],
    [
        'a vague, angry start: every detail is kept, and the request is titled by what is wrong',
        VAGUE_ANGRY_START,
        (r) => {
            const summary = r.transcript.find((l) => l.from === 'bot' && l.activity && buttonsOf(l.activity).some((b) => b.data.prompt === 'escalation-confirm'))?.text ?? '';
            const opener = saidText(r.script, 0).split('!')[0] ?? '';
            assert.ok(summary && !summary.includes(`\n${opener}`), `${r.script.id}: the summary's issue is not "${opener}": ${summary.slice(0, 120)}`);
        },
    ],
    [
        'asking when the ticket will be seen and its number: its status, not the phone answer',
        STATUS_WITH_A_NUMBER,
        (r) => assert.ok(!r.transcript.some((l) => l.from === 'bot' && catalogue.says(l.text, 'phone.notice')), `${r.script.id}: no phone answer`),
    ],
];

/**
 * Difficult customers in every language, end to end through the real HTTP endpoint (the eval
 * runner plays scripts written for these tests): each conversation must reach its expected end
 * state, and show what the behaviour is about.
 */
describe('difficult customers, in four languages (the HTTP endpoint)', function () {
    this.timeout(300_000);
    const tools = runnerTools();

    for (const [behaviour, scripts, extra] of BEHAVIOURS) {
        it(behaviour, async () => {
            for (const script of scripts) {
                const result = await runConversation(script, tools);
                assert.deepEqual(
                    result.failures.map((f) => f.detail),
                    [],
                    `${script.id} (${script.lang})`,
                );
                assert.deepEqual(result.deadEnd, [], `${script.id}: no re-prompt twice`);
                extra?.(result);
            }
        });
    }
});
