import assert from 'node:assert/strict';
import { DESK_CATALOGUES, deskTranslator } from '../../src/i18n/i18n';
import { LANGUAGES, type Language } from '../../src/policy/types';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(tree)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (typeof v === 'string') out.set(key, v);
        else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    }
    return out;
}

const placeholders = (s: string): string => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort().join(',');
const base = (key: string): string => key.replace(PLURAL, '');

describe('desk catalogues', () => {
    const english = flatten(DESK_CATALOGUES.en as Tree);
    /** Texts English gives a count: only these may have plural variants in another language. */
    const counted = new Set([...english].filter(([, text]) => /\{\{\s*count\s*\}\}/.test(text)).map(([key]) => key));

    for (const language of LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en')) {
        it(`${language} has a desk catalogue with every key English has, and no other`, () => {
            const catalogue = DESK_CATALOGUES[language];
            assert.ok(catalogue, `no desk catalogue for ${language}`);
            const keys = [...flatten(catalogue as Tree).keys()];
            assert.deepEqual([...english.keys()].filter((k) => !keys.includes(k)), [], 'missing');
            assert.deepEqual(keys.filter((k) => !english.has(k) && !(PLURAL.test(k) && counted.has(base(k)))), [], 'extra');
        });

        it(`${language} uses the same placeholders as English in every desk text`, () => {
            for (const [key, text] of flatten(DESK_CATALOGUES[language] as Tree)) {
                assert.equal(placeholders(text), placeholders(english.get(key) ?? english.get(base(key)) ?? ''), `${language}:${key}`);
            }
        });
    }

    it('speaks Spanish to a Spanish agent and keeps the English command words', () => {
        const spanish = deskTranslator('es')('help', { max: 3 });
        assert.notEqual(spanish, deskTranslator('en')('help', { max: 3 }));
        assert.ok(spanish.includes('**accept**'), spanish);
        assert.ok(spanish.includes('3'), spanish);
    });

    it('counts in Russian', () => {
        const t = deskTranslator('ru');
        assert.notEqual(t('stillWith', { count: 2 }), t('stillWith', { count: 5 }));
        assert.notEqual(t('stillWith', { count: 1 }), t('stillWith', { count: 2 }));
    });
});
