import assert from 'node:assert/strict';
import sinon from 'sinon';
import { languageStep } from '../../../src/bot/steps/languageStep';
import { TURN_LANGUAGE } from '../../../src/bot/turnErrorHandler';
import type { Language } from '../../../src/policy/types';
import type { Classification } from '../../../src/understanding/classifier';
import { stepRig } from '../../helpers/stepHarness';

/** What the classifier says of a message: only its language matters here. */
function classified(language: Language, confidence: number): Classification {
    return {
        language: { label: language, confidence },
        category: { label: 'technical', confidence: 0.9 },
        product: { label: 'microsoft365', confidence: 0.9 },
        kind: { label: 'break-fix', confidence: 0.9 },
        severity: null,
    };
}

describe('languageStep', () => {
    const sandbox = sinon.createSandbox();
    afterEach(() => sandbox.restore());

    async function rigWith(detected: Classification = classified('en', 0.99)) {
        const classify = sandbox.stub<[string], Promise<Classification>>().resolves(detected);
        const rig = await stepRig({ classifier: { classify } });
        return { rig, classify, step: languageStep(rig.services) };
    }

    it('switches on "en español", says so in Spanish and asks the pending question again in Spanish', async () => {
        const { rig, step } = await rigWith();
        assert.deepEqual(await rig.ask({ text: 'hi', locale: 'en-US' }), ['What is your name?']);
        const run = await rig.run(step, { text: 'en español', locale: 'en-US' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['De acuerdo, seguimos en español.', '¿Cuál es su nombre?']);
        assert.equal(run.profile.language, 'es');
        assert.equal(run.profile.languageChosen, true);
        assert.equal(run.waiting, true, 'the question still waits for its answer');
    });

    it('asks for the description in the new language when no question is pending', async () => {
        const { rig, step } = await rigWith();
        const run = await rig.run(step, { text: 'по-русски' });
        assert.equal(run.result, 'handled');
        assert.deepEqual(run.replies, ['Хорошо, продолжим на русском.', 'Чем могу помочь? Опишите проблему в нескольких предложениях.']);
        assert.equal(run.profile.language, 'ru');
    });

    it('does not read a long message as a switch request, even one that only the length sets apart; plainly written English beats the locale', async () => {
        const { rig, step } = await rigWith(classified('en', 0.99));
        for (const text of ['in English please, Outlook has not received any mail since this morning', 'in English please!!!!!!!!!!!!!!!!!!!!!!!!!!']) {
            const run = await rig.run(step, { text, locale: 'es-ES' });
            assert.equal(run.result, 'next', text);
            assert.deepEqual(run.replies, []);
            assert.equal(run.profile.languageChosen, undefined, 'not a request to switch');
        }
        const run = await rig.run(step, { text: 'Outlook has not received any mail since this morning', locale: 'es-ES' });
        assert.equal(run.profile.language, 'en', 'the language the customer plainly writes wins over the browser locale');
    });

    it('keeps a language the customer chose over the locale the channel sends', async () => {
        const { rig, step, classify } = await rigWith();
        await rig.run(step, { text: 'em português', locale: 'en-US' });
        const run = await rig.run(step, { text: 'My Teams calls drop after five minutes', locale: 'en-US' });
        assert.equal(run.result, 'next');
        assert.deepEqual(run.replies, []);
        assert.equal(run.profile.language, 'pt');
        assert.equal(run.turnState.get(TURN_LANGUAGE), 'pt');
        assert.equal(classify.called, false);
    });

    it('follows the locale over the language in use when the customer chose none, and sets TURN_LANGUAGE', async () => {
        const { rig, step, classify } = await rigWith();
        await rig.given({ profile: { language: 'es' } });
        const run = await rig.run(step, { text: 'Outlook não funciona', locale: 'pt-BR' });
        assert.equal(run.result, 'next');
        assert.equal(run.profile.language, 'pt');
        assert.equal(run.turnState.get(TURN_LANGUAGE), 'pt');
        assert.equal(classify.called, false, 'no detection of a message too short to read when the locale answers');
    });

    it('detects the language of a first message without a locale, when the classifier is confident', async () => {
        const { rig, step, classify } = await rigWith(classified('es', 0.9));
        const run = await rig.run(step, { text: 'Outlook no recibe correos desde esta mañana' });
        assert.equal(run.result, 'next');
        assert.equal(run.profile.language, 'es');
        assert.equal(run.turnState.get(TURN_LANGUAGE), 'es');
        assert.deepEqual(classify.firstCall.args, ['Outlook no recibe correos desde esta mañana']);
    });

    it('stays in English when detection is unsure, also on later messages', async () => {
        const { rig, step, classify } = await rigWith(classified('ru', 0.3));
        const first = await rig.run(step, { text: '👍👍' });
        assert.equal(first.profile.language, 'en');
        assert.equal(first.turnState.get(TURN_LANGUAGE), 'en');
        const second = await rig.run(step, { text: 'Привет, у меня проблема с почтой' });
        assert.equal(second.profile.language, 'en');
        assert.equal(classify.callCount, 2, 'a readable message is read again');
    });

    it('switches when the customer plainly writes another supported language, and keeps it for short answers', async () => {
        const { rig, step } = await rigWith(classified('es', 0.97));
        const run = await rig.run(step, { text: 'hola, el Outlook no recibe correos desde esta mañana', locale: 'en-US' });
        assert.equal(run.profile.language, 'es');
        assert.equal(run.profile.languageFromText, true);
        const short = await rig.run(step, { text: 'sí', locale: 'en-US' });
        assert.equal(short.profile.language, 'es', 'a short answer does not send it back to the locale');
    });

    it('does not detect anything in a click without text', async () => {
        const { rig, step, classify } = await rigWith();
        const run = await rig.run(step, { value: { csp: 1, prompt: 'intake-confirm', choice: 'yes', intake: 'intake-1' } });
        assert.equal(run.result, 'next');
        assert.equal(run.profile.language, 'en');
        assert.equal(classify.called, false);
    });
});
