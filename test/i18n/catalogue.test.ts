import assert from 'node:assert/strict';
import path from 'node:path';
import { loadArticles } from '../../src/guidance/articleLoader';
import { CATALOGUES, translator } from '../../src/i18n/i18n';
import { detectLanguageSwitch, languageFromLocale, resolveLanguage } from '../../src/i18n/language';
import { projectRoot } from '../../src/paths';
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

const placeholders = (s: string): string => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((p) => p !== 'count').sort().join(',');
const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(CATALOGUES[l] as unknown as Tree)])) as Record<Language, Map<string, string>>;

describe('message catalogues', () => {
    const base = (key: string): string => key.replace(PLURAL, '');
    const englishKeys = new Set([...flat.en.keys()].map(base));

    for (const language of LANGUAGES) {
        it(`${language} has every key English has, and no other`, () => {
            const keys = new Set([...flat[language].keys()].map(base));
            assert.deepEqual([...englishKeys].filter((k) => !keys.has(k)), [], 'missing');
            assert.deepEqual([...keys].filter((k) => !englishKeys.has(k)), [], 'extra');
        });

        it(`${language} uses the same placeholders as English in every text`, () => {
            for (const [key, text] of flat[language]) {
                const english = flat.en.get(key) ?? flat.en.get(`${base(key)}_other`) ?? '';
                assert.equal(placeholders(text), placeholders(english), `${language}:${key}`);
            }
        });

        it(`${language} has every plural form its grammar needs`, () => {
            const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
            for (const key of englishKeys) {
                if (![...flat.en.keys()].some((k) => PLURAL.test(k) && base(k) === key)) continue;
                for (const category of needed) assert.ok(flat[language].has(`${key}_${category}`), `${language}:${key}_${category}`);
            }
        });
    }

    it('plurals come out right in Russian', () => {
        const t = translator('ru');
        assert.notEqual(t('guidance.intro', { count: 2 }), t('guidance.intro', { count: 5 }));
    });

    it('every guidance article exists in all four languages with the same metadata', () => {
        const dir = path.join(projectRoot(), 'content', 'guidance');
        const english = loadArticles(dir, 'en');
        for (const language of LANGUAGES) {
            const articles = loadArticles(dir, language);
            assert.deepEqual(articles.map((a) => [a.id, a.category, a.product, a.kind]), english.map((a) => [a.id, a.category, a.product, a.kind]), language);
        }
    });
});

describe('choosing the language', () => {
    it('maps locales to the four languages', () => {
        assert.equal(languageFromLocale('es-MX'), 'es');
        assert.equal(languageFromLocale('pt-BR'), 'pt');
        assert.equal(languageFromLocale('ru'), 'ru');
        assert.equal(languageFromLocale('de-DE'), undefined);
        assert.equal(languageFromLocale(undefined), undefined);
    });

    it('prefers an explicit choice, then the locale, then the language in use, then confident detection, then English', () => {
        const detected = { label: 'pt' as const, confidence: 0.9 };
        assert.equal(resolveLanguage({ chosen: 'ru', locale: 'es-ES', detected, minConfidence: 0.5 }), 'ru');
        assert.equal(resolveLanguage({ locale: 'es-ES', current: 'en', detected, minConfidence: 0.5 }), 'es');
        assert.equal(resolveLanguage({ current: 'ru', detected, minConfidence: 0.5 }), 'ru');
        assert.equal(resolveLanguage({ detected, minConfidence: 0.5 }), 'pt');
        assert.equal(resolveLanguage({ detected: { label: 'pt', confidence: 0.3 }, minConfidence: 0.5 }), 'en');
    });

    it('recognises requests to switch, and nothing else', () => {
        assert.equal(detectLanguageSwitch('In English please'), 'en');
        assert.equal(detectLanguageSwitch('en español'), 'es');
        assert.equal(detectLanguageSwitch('em português'), 'pt');
        assert.equal(detectLanguageSwitch('по-русски'), 'ru');
        assert.equal(detectLanguageSwitch('my English invoice is wrong'), undefined);
    });
});
