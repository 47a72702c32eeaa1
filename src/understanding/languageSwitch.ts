import { LANGUAGES, type Language } from '../policy/types';
import { PRODUCT_CUES } from './lexicon';
import { anyWord, normalizeText, wholeText } from './normalize';
import { inAnyLanguage, type LanguagePack, type Patterns } from './packs';

/** What a message says about languages: which one it asks for, and whether it is about the chat at all. */
export interface LanguageRequest {
    /** The language asked for, when one mentioned language is wanted more than the others. */
    target?: Language;
    /** Some language is named. */
    mentioned: boolean;
    /** The target is asked for in so many words ("in {lang}", "на {lang}"), or the whole message is a pack's switch phrase. */
    wanted: boolean;
    /** The language of software, documents or settings is meant ("change Outlook's language to Spanish"), not the chat's. */
    ofThings: boolean;
}

/** `<lang>` in a frame stands for any name of one language. */
const framed = (frames: Patterns, names: Patterns): RegExp => anyWord(frames.map((frame) => frame.replace(/<lang>/g, `(?:${names.join('|')})`)));

interface LanguageMatchers {
    language: Language;
    name: RegExp;
    want: RegExp;
    not: RegExp;
    whole: RegExp;
}

const MATCHERS: readonly LanguageMatchers[] = LANGUAGES.map((language) => {
    const names = inAnyLanguage((p) => p.intents.languageNames[language]);
    return {
        language,
        name: anyWord(names),
        want: framed(inAnyLanguage((p) => p.intents.wantLanguage), names),
        not: framed(inAnyLanguage((p) => p.intents.notLanguage), names),
        whole: wholeText(inAnyLanguage((p: LanguagePack) => p.switchTo[language])),
    };
});

const OF_THINGS = anyWord(inAnyLanguage((p) => p.intents.languageOfThings));
const THIS_CHAT = anyWord(inAnyLanguage((p) => p.intents.thisChat));

/** Scores of a mention: wanting counts for it, refusing (or "the page is in …") twice against it. */
const WANT = 1;
const NOT = -2;

/**
 * Finds the language a message asks for, in any wording and any of the bot's languages
 * ("prefiero que me atiendan en español", "can we do this in english", "можно по-русски?").
 * Of several named languages, the one wanted most wins ("in English please, not Spanish");
 * on a tie, the first named ("reply in English, my Portuguese is basic"). A language nobody
 * wants in so many words still wins when it is the only one not refused.
 * @param normalized Text from `normalizeText`.
 */
export function readLanguageRequest(normalized: string): LanguageRequest {
    const t = normalized.replace(/[.!]+$/, '');
    const whole = MATCHERS.find((m) => m.whole.test(t));
    const ofThings = OF_THINGS.test(t) || PRODUCT_CUES.some((c) => c.pattern.test(t)) ? !THIS_CHAT.test(t) : false;
    if (whole) return { target: whole.language, mentioned: true, wanted: true, ofThings };
    const mentions = MATCHERS.flatMap((m) => {
        const at = t.search(m.name);
        if (at < 0) return [];
        const wanted = m.want.test(t);
        return [{ language: m.language, at, wanted, score: (wanted ? WANT : 0) + (m.not.test(t) ? NOT : 0) }];
    });
    const best = mentions.sort((a, b) => b.score - a.score || a.at - b.at)[0];
    if (!best || best.score < 0) return { mentioned: mentions.length > 0, wanted: false, ofThings };
    return { target: best.language, mentioned: true, wanted: best.wanted, ofThings };
}

/** {@link readLanguageRequest} on raw text. */
export function languageRequestOf(text: string): LanguageRequest {
    return readLanguageRequest(normalizeText(text));
}
