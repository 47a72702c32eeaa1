import assert from 'node:assert/strict';
import { translator } from '../../src/i18n/i18n';
import type { Language } from '../../src/policy/types';
import { BotHarness, choice, promptOf, visibleText } from '../helpers/botHarness';

/**
 * Questions close to an article's topic that no article answers: the bot says it has no
 * article, in the customer's language, and goes straight on to the ticket instead of
 * offering an article that merely shares the service's name.
 */
const CASES: Array<{ language: Language; locale: string; question: string }> = [
    // The Teams Rooms article is about meeting-room devices, not the breakout rooms of a Teams meeting.
    { language: 'en', locale: 'en-GB', question: 'How do I turn on breakout rooms for our Teams meetings?' },
    { language: 'es', locale: 'es-ES', question: '¿Cómo se activan las salas de grupos dentro de una reunión de Teams?' },
    // The Copilot articles are about Microsoft 365 Copilot, not the personal Copilot Pro.
    { language: 'pt', locale: 'pt-BR', question: 'Quanto custa o Copilot Pro para uso pessoal?' },
    // Teams Premium is a Teams add-on no article is about (the Teams articles cover Phone, Rooms, calls and guests).
    { language: 'ru', locale: 'ru-RU', question: 'Сколько стоит Teams Premium на одного пользователя?' },
];

describe('a question no article answers', () => {
    let bot: BotHarness;
    afterEach(async () => {
        await bot.stop();
    });

    for (const c of CASES) {
        it(`${c.language}: the bot says it has no article and moves on to the ticket`, async () => {
            bot = await BotHarness.start();
            const t = translator(c.language);
            const send = (activity: Record<string, unknown>) => bot.send({ locale: c.locale, ...activity });
            let replies = await send({ text: c.question });
            // Answer whatever the bot asks to pin the case down, the way a customer would.
            for (let i = 0; i < 3 && promptOf(replies) !== 'intake-confirm'; i++) {
                const prompt = promptOf(replies) as string;
                const value = { 'intake-category': 'technical', 'intake-product': 'microsoft365', 'intake-kind': 'advisory' }[prompt];
                assert.ok(value, `unexpected question ${prompt}: ${visibleText(replies)}`);
                replies = await send({ value: choice(replies, prompt, value) });
            }
            if (/intake-confirm/.test(JSON.stringify(replies))) replies = await send({ value: choice(replies, 'intake-confirm', 'yes') });
            if (promptOf(replies) === 'impact') replies = await send({ value: choice(replies, 'impact', 'minimal') });
            const text = visibleText(replies);
            assert.ok(text.includes(t('guidance.none')), `says it has no article:\n${text}`);
            assert.notEqual(promptOf(replies), 'guidance-solved', 'asks nothing about an article');
            assert.ok(text.includes(t('escalation.intro')), `goes on to the ticket:\n${text}`);
        });
    }
});
