import { AsyncLocalStorage } from 'node:async_hooks';
import i18next, { type i18n } from 'i18next';
import type { Language } from '../policy/types';
import en from './locales/en.json';
import es from './locales/es.json';
import pt from './locales/pt.json';
import ru from './locales/ru.json';
import deskEn from './desk/en.json';
import deskEs from './desk/es.json';
import deskPt from './desk/pt.json';
import deskRu from './desk/ru.json';

/** The customers' message catalogues, one per language (i18next JSON v4: nested keys, plural suffixes); a language without one does not compile. */
export const CATALOGUES = { en, es, pt, ru } as const satisfies Record<Language, object>;

/** The agents' desk catalogues (the partner's agents in Teams); a language without one reads English. */
export const DESK_CATALOGUES: Partial<Record<Language, object>> & { en: object } = { en: deskEn, es: deskEs, pt: deskPt, ru: deskRu };

/** A translate function bound to one language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

let instance: i18n | undefined;

function catalogue(): i18n {
    if (instance) return instance;
    const created = i18next.createInstance();
    void created.init({
        resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, translation]) => [lng, { translation, ...(DESK_CATALOGUES[lng as Language] ? { desk: DESK_CATALOGUES[lng as Language] } : {}) }])),
        ns: ['translation', 'desk'],
        defaultNS: 'translation',
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

const deskTranslators = new Map<Language, Translate>();

function fixedDeskTranslator(language: Language): Translate {
    let cached = deskTranslators.get(language);
    if (!cached) {
        const t = catalogue().getFixedT(DESK_CATALOGUES[language] ? language : 'en', 'desk');
        cached = (key, params) => t(key, params ?? {}) as string;
        deskTranslators.set(language, cached);
    }
    return cached;
}

/** The language of the agent whose turn is running (see inDeskLanguage). */
const deskLanguage = new AsyncLocalStorage<Language>();

/** Runs `work` with the desk speaking `language` (the agent's Teams locale) wherever it calls `t`. */
export function inDeskLanguage<T>(language: Language, work: () => T): T {
    return deskLanguage.run(language, work);
}

/**
 * `t` for the agents' desk: in `language` when given; otherwise in the language of the agent
 * whose turn is running (English outside an agent's turn: the agents' channel, deliveries),
 * English where the desk has no catalogue for it.
 */
export function deskTranslator(language?: Language): Translate {
    if (language) return fixedDeskTranslator(language);
    return (key, params) => fixedDeskTranslator(deskLanguage.getStore() ?? 'en')(key, params);
}
