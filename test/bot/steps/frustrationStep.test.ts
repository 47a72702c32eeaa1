import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import type { IntentSignals } from '../../../src/bot/botServices';
import { frustrationStep } from '../../../src/bot/steps/frustrationStep';
import { Handoffs } from '../../../src/handoff/handoffs';
import type { StartResult } from '../../../src/handoff/handoffTypes';
import { AzureLanguageService, type SentimentResult } from '../../../src/understanding/azureLanguage';
import { click, stepRig } from '../../helpers/stepHarness';

const NEGATIVE: SentimentResult = { label: 'negative', negative: 0.93 };
const NEUTRAL: SentimentResult = { label: 'neutral', negative: 0.05 };

describe('frustrationStep', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    /** A desk that can take the customer (or not), and says so as the real one does. */
    async function rigWithDesk({ canStart = true, start = 'queued' as StartResult } = {}) {
        const handoff = sandbox.createStubInstance(Handoffs);
        handoff.canStart.resolves(canStart);
        handoff.start.callsFake(async (context: TurnContext) => {
            await context.sendActivity(start === 'queued' ? 'You are number 1 in the queue.' : 'Our desk opens on Monday at 09:00.');
            return start;
        });
        const languageService = sandbox.createStubInstance(AzureLanguageService);
        languageService.sentiment.resolves(NEGATIVE);
        const rig = await stepRig({ handoff, languageService });
        return { rig, handoff, languageService, step: frustrationStep(rig.services) };
    }

    it('brings in a person on the second negative message in a row, and starts counting again', async () => {
        const { rig, step, handoff } = await rigWithDesk();
        const first = await rig.run(step, { text: 'This is useless, nothing works' });
        assert.equal(first.result, 'next');
        assert.deepEqual(first.replies, []);
        assert.equal(first.session.negativeStreak, 1);
        const second = await rig.run(step, { text: 'I have wasted my whole morning on this' });
        assert.equal(second.result, 'handled');
        assert.deepEqual(second.replies, ["I'm sorry this has been frustrating.", 'You are number 1 in the queue.']);
        assert.equal(second.session.negativeStreak, 0);
        sinon.assert.calledOnceWithMatch(handoff.start, sinon.match.any, { reason: 'frustrated', language: 'en', customerName: 'User1' });
    });

    it('resets the streak on a message that is not negative (or that the service could not read)', async () => {
        const { rig, step, languageService, handoff } = await rigWithDesk();
        languageService.sentiment.onCall(1).resolves(NEUTRAL).onCall(3).resolves(undefined);
        const streaks: Array<number | undefined> = [];
        for (const text of ['awful', 'ok, let me check', 'still awful', 'hmm?', 'awful again']) {
            const run = await rig.run(step, { text });
            assert.equal(run.result, 'next', text);
            assert.deepEqual(run.replies, []);
            streaks.push(run.session.negativeStreak);
        }
        assert.deepEqual(streaks, [1, 0, 1, 0, 1]);
        sinon.assert.notCalled(handoff.start);
    });

    it('says when the desk opens when nobody can come (the ticket will be waiting), and brings a person in on the next two once one can', async () => {
        const { rig, step, handoff } = await rigWithDesk({ canStart: false });
        await rig.run(step, { text: 'terrible' });
        const second = await rig.run(step, { text: 'still terrible' });
        assert.equal(second.result, 'handled');
        assert.equal(second.replies.length, 1);
        assert.match(second.replies[0] ?? '', /^I'm sorry this has been frustrating\. Our team's next opening is .*; your ticket will be waiting for them/);
        assert.equal(second.session.negativeStreak, 0);
        sinon.assert.notCalled(handoff.start);
        handoff.canStart.resolves(true);
        await rig.run(step, { text: 'worst support ever' });
        const fourth = await rig.run(step, { text: 'useless' });
        assert.equal(fourth.result, 'handled');
        sinon.assert.calledOnce(handoff.start);
    });

    it('answers the customer when the desk closed between the check and the start (nothing else to do: no question is pending)', async () => {
        const { rig, step } = await rigWithDesk({ start: 'out-of-hours' });
        await rig.run(step, { text: 'terrible' });
        const run = await rig.run(step, { text: 'still terrible' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ["I'm sorry this has been frustrating.", 'Our desk opens on Monday at 09:00.']);
        assert.equal(run.session.negativeStreak, 0);
    });

    it('while a question is pending, promises a person once the ticket is open, and asks the question again', async () => {
        const { rig, step, handoff } = await rigWithDesk();
        await rig.ask();
        await rig.run(step, { text: 'terrible' });
        const run = await rig.run(step, { text: 'still terrible' });
        assert.equal(run.result, 'handled');
        assert.match(run.replies[0] ?? '', /I'll make sure a person from our team takes this over/);
        assert.equal(run.session.personRequested, true);
        sinon.assert.notCalled(handoff.start);
    });

    it('reads the sentiment, and apologises, in the customer’s language', async () => {
        const { rig, step, languageService, handoff } = await rigWithDesk();
        await rig.given({ profile: { language: 'es', name: 'Lucía' } });
        await rig.run(step, { text: 'esto no funciona' });
        const run = await rig.run(step, { text: 'sigue sin funcionar' });
        assert.deepEqual(run.replies, ['Siento que esto esté resultando frustrante.', 'You are number 1 in the queue.']);
        assert.deepEqual(languageService.sentiment.firstCall.args, ['esto no funciona', 'es']);
        sinon.assert.calledWithMatch(handoff.start, sinon.match.any, { language: 'es', customerName: 'Lucía' });
    });

    it('does not read clicks or very short messages, and keeps the streak', async () => {
        const { rig, step, languageService } = await rigWithDesk();
        await rig.run(step, { text: 'terrible' });
        for (const activity of [click('intake-1'), { text: 'no' }]) {
            const run = await rig.run(step, activity);
            assert.equal(run.result, 'next');
            assert.equal(run.session.negativeStreak, 1);
        }
        sinon.assert.calledOnce(languageService.sentiment);
    });

    it('does nothing without agents; without Azure AI Language it reads frustration locally', async () => {
        const { rig, languageService, handoff } = await rigWithDesk();
        const withoutAgents = frustrationStep({ ...rig.services, handoff: undefined });
        for (const text of ['terrible', 'still terrible']) {
            const run = await rig.run(withoutAgents, { text });
            assert.equal(run.result, 'next');
            assert.equal(run.session.negativeStreak, undefined);
        }
        const local = frustrationStep({ ...rig.services, languageService: undefined, intents: { ...noIntents, frustrated: (text) => /USELESS|!!!/.test(text) } });
        assert.equal((await rig.run(local, { text: 'THIS IS USELESS!!!' })).session.negativeStreak, 1);
        assert.equal((await rig.run(local, { text: 'ok, the error says 0x80070005' })).session.negativeStreak, 0);
        sinon.assert.notCalled(languageService.sentiment);
        sinon.assert.notCalled(handoff.start);
    });
});

/** Intent signals that recognise nothing. */
const noIntents: IntentSignals = {
    severalProblems: () => false,
    asksForPhone: () => false,
    frustrated: () => false,
    asksStatus: () => false,
    asksForPerson: () => false,
    corrects: () => false,
    switchTo: () => undefined,
};
