import i18next, { type i18n } from 'i18next';
import type { Language } from '../policy/types';
import en from './locales/en.json';

/** A translate function bound to one language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

let instance: i18n | undefined;

function catalogue(): i18n {
    if (instance) return instance;
    const created = i18next.createInstance();
    void created.init({
        resources: { en: { translation: en } },
        lng: 'en',
        fallbackLng: 'en',
        initAsync: false,
        interpolation: { escapeValue: false },
        returnNull: false,
    });
    instance = created;
    return created;
}

/** The languages whose catalogue ships (others fall back to English). */
export const CATALOGUE_LANGUAGES: readonly Language[] = ['en'];

/** Returns `t` for a language; a missing key fails loudly in tests through `hasKey`. */
export function translator(language: Language): Translate {
    const t = catalogue().getFixedT(language);
    return (key, params) => t(key, params ?? {}) as string;
}

/** True when the catalogue of `language` has `key` (used by tests and card rendering). */
export function hasKey(language: Language, key: string): boolean {
    return catalogue().exists(key, { lng: language, fallbackLng: false });
}
