import assert from 'node:assert/strict';
import { IMPACTS, LANGUAGES } from '../../src/policy/types';
import { languageName, PACKS } from '../../src/understanding/packs';

/** Fields a language may leave empty (documented on LanguagePack); at least one pack must fill each. */
const MAY_BE_EMPTY = new Set(['letterFolds', 'courtesy', 'greetingTails', 'cues.dynamicsFeatures', 'cues.deviceManagement']);

/** Raw-text fields are matched case-insensitively on the text as typed; the rest on normalized text. */
const RAW_TEXT = /^(leave|ratingUnits|noPlan|pii\.|serviceNames\.)/;

/** Every leaf of a pack with its dotted path: strings, and lists or records (with their size). */
function leaves(value: unknown, at = ''): Array<{ path: string; value: unknown }> {
    if (typeof value === 'string' || Array.isArray(value)) return [{ path: at, value }];
    if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        const below = entries.flatMap(([key, v]) => leaves(v, at ? `${at}.${key}` : key));
        return entries.length === 0 ? [{ path: at, value: entries }] : below;
    }
    return [{ path: at, value }];
}

const isEmpty = (value: unknown): boolean => (typeof value === 'string' || Array.isArray(value) ? value.length === 0 : value === undefined);

describe('language packs', () => {
    for (const language of LANGUAGES) {
        const fields = leaves(PACKS[language]);

        it(`${language}: fills every field`, () => {
            const empty = fields.filter((f) => isEmpty(f.value) && !MAY_BE_EMPTY.has(f.path)).map((f) => f.path);
            assert.deepEqual(empty, [], `${language} leaves these empty`);
            for (const f of fields) if (Array.isArray(f.value)) for (const word of f.value) assert.ok(typeof word === 'string' && word.trim() === word && word !== '', `${language} ${f.path}: ${JSON.stringify(word)}`);
        });

        it(`${language}: every pattern compiles, and normalized-text patterns are lower case without accents`, () => {
            for (const f of fields) {
                if (!Array.isArray(f.value) || f.path === 'stopWords' || f.path.startsWith('impactAnswers.')) continue;
                for (const source of f.value as string[]) {
                    assert.doesNotThrow(() => new RegExp(source, 'u'), `${language} ${f.path}: ${source}`);
                    const letters = source.replace(/\\./g, '');
                    if (!RAW_TEXT.test(f.path)) assert.equal(letters, letters.toLowerCase().normalize('NFKD').replace(/([a-z])[\u0300-\u036f]+/g, '$1').normalize('NFC'), `${language} ${f.path}`);
                }
            }
        });
    }

    for (const field of MAY_BE_EMPTY) {
        it(`some pack fills ${field}`, () => {
            const filled = LANGUAGES.filter((language) => leaves(PACKS[language]).some((f) => f.path.startsWith(field) && !isEmpty(f.value)));
            assert.notDeepEqual(filled, []);
        });
    }

    it('no exact impact answer means two impacts', () => {
        const seen = new Map<string, string>();
        for (const language of LANGUAGES) {
            for (const impact of IMPACTS) {
                for (const word of PACKS[language].impactAnswers[impact]) {
                    assert.equal(seen.get(word) ?? impact, impact, `"${word}" (${language})`);
                    seen.set(word, impact);
                }
            }
        }
    });

    const names: Array<[string, string]> = [
        ['en', 'English'],
        ['es', 'Spanish'],
        ['pt', 'Portuguese (Brazil)'],
        ['ru', 'Russian'],
        ['xx', 'xx'],
        ['constructor', 'constructor'],
    ];
    for (const [code, name] of names) it(`agents read "${code}" as ${name}`, () => assert.equal(languageName(code), name));
});
