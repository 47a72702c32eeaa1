import assert from 'node:assert/strict';
import { formatDueAt } from '../../src/i18n/format';
import { detectLanguageSwitch } from '../../src/i18n/language';
import type { Language } from '../../src/policy/types';

describe('asking for a language, in every language', () => {
    const cases: Array<[string, Language | undefined]> = [
        ['in English please', 'en'],
        ['En inglés', 'en'],
        ['em inglês', 'en'],
        ['по-английски', 'en'],
        ['in Spanish', 'es'],
        ['en español, por favor', 'es'],
        ['em espanhol', 'es'],
        ['на испанском', 'es'],
        ['in Portuguese', 'pt'],
        ['en portugués', 'pt'],
        ['Português!', 'pt'],
        ['по-португальски', 'pt'],
        ['in Russian please', 'ru'],
        ['en ruso', 'ru'],
        ['em russo', 'ru'],
        ['На русском, пожалуйста', 'ru'],
        ['my English is not good', undefined],
        ['el español de la factura está mal', undefined],
    ];
    for (const [text, expected] of cases) it(`"${text}" → ${expected ?? 'no switch'}`, () => assert.equal(detectLanguageSwitch(text), expected));
});

describe('due times in the customer’s language', () => {
    const cases: Array<[Language, string]> = [
        ['en', 'Tue 24 Nov 2026, 13:00 (Europe/Madrid)'],
        ['es', 'mar 24 nov 2026, 13:00 (Europe/Madrid)'],
        ['pt', 'ter. 24 nov. 2026, 13:00 (Europe/Madrid)'],
        ['ru', 'вт 24 нояб. 2026, 13:00 (Europe/Madrid)'],
    ];
    for (const [language, expected] of cases) it(`${language}: ${expected}`, () => assert.equal(formatDueAt('2026-11-24T12:00:00Z', 'Europe/Madrid', language), expected));
});
