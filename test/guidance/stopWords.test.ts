import assert from 'node:assert/strict';
import type { Language } from '../../src/policy/types';
import { STOP_WORDS, stem } from '../../src/guidance/stopWords';

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
        // Function words and chat shorthand that say nothing an article could answer.
        ['en', 'doesnt', true],
        ['en', 'quarantine', false],
        ['es', 'podeis', true],
        ['es', 'cuarentena', false],
        ['pt', 'pra', true],
        ['pt', 'senha', false],
        ['ru', 'щас', true],
        ['ru', 'пароль', false],
    ];
    for (const [language, word, expected] of cases) it(`${language}: "${word}" ${expected ? 'is' : 'is not'} a stop word`, () => assert.equal(STOP_WORDS[language].has(word), expected));
});

describe('stemming for ranking', () => {
    it('cuts long words and folds a Russian final vowel, so word forms meet', () => {
        assert.equal(stem('счете'), stem('счет'));
        assert.equal(stem('почта'), stem('почту'));
        assert.equal(stem('subscription'), 'subscr');
        assert.equal(stem('teams'), 'teams');
    });
});
