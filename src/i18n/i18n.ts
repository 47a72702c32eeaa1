import i18next, { type i18n } from 'i18next';
import type { Language } from '../policy/types';
import en from './locales/en.json';
import es from './locales/es.json';
import pt from './locales/pt.json';
import ru from './locales/ru.json';

/** The message catalogues, one per language (i18next JSON v4: nested keys, plural suffixes); a language without one does not compile. */
export const CATALOGUES = { en, es, pt, ru } as const satisfies Record<Language, unknown>;

/** A translate function bound to one language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

let instance: i18n | undefined;

function catalogue(): i18n {
    if (instance) return instance;
    const created = i18next.createInstance();
    void created.init({
        resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, translation]) => [lng, { translation }])),
        lng: 'en',
        fallbackLng: 'en',
        initAsync: false,
        interpolation: { escapeValue: false },
        returnNull: false,
    });
    instance = created;
    return created;
}


const translators = new Map<Language, Translate>();
/** Texts without parameters per language are kept once rendered: a turn renders dozens. */
const MAX_CACHED_TEXTS = 5000;

/** Returns `t` for a language (one per language, reused across turns). */
export function translator(language: Language): Translate {
    let cached = translators.get(language);
    if (!cached) {
        const t = catalogue().getFixedT(language);
        const plain = new Map<string, string>();
        cached = (key, params) => {
            if (params) return t(key, params) as string;
            let text = plain.get(key);
            if (text === undefined) {
                text = t(key, {}) as string;
                if (plain.size < MAX_CACHED_TEXTS) plain.set(key, text);
            }
            return text;
        };
        translators.set(language, cached);
    }
    return cached;
}
