import i18next, { type i18n } from 'i18next';
import type { Language } from '../policy/types';
import en from './locales/en.json';
import es from './locales/es.json';
import pt from './locales/pt.json';
import ru from './locales/ru.json';

/** The message catalogues, one per language (i18next JSON v4: nested keys, plural suffixes). */
export const CATALOGUES = { en, es, pt, ru } as const;

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


/** Returns `t` for a language; a missing key fails loudly in tests through `hasKey`. */
export function translator(language: Language): Translate {
    const t = catalogue().getFixedT(language);
    return (key, params) => t(key, params ?? {}) as string;
}
