import assert from 'node:assert/strict';
import type { Language } from '../../src/policy/types';
import { STOP_WORDS } from '../../src/guidance/stopWords';

describe('stop words per language', () => {
    const cases: Array<[Language, string, boolean]> = [
        ['en', 'the', true],
        ['en', 'outlook', false],
        ['es', 'nuestro', true],
        ['es', 'factura', false],
        ['pt', 'voces', true],
        ['pt', 'fatura', false],
        ['ru', 'что', true],
        ['ru', 'почта', false],
    ];
    for (const [language, word, expected] of cases) it(`${language}: "${word}" ${expected ? 'is' : 'is not'} a stop word`, () => assert.equal(STOP_WORDS[language].has(word), expected));
});
