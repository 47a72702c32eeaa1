import type { Impact, Language, Severity } from '../../policy/types';

/**
 * Regular-expression sources, one word or phrase each (no flags, no anchors), joined with `|`
 * by the recognisers. Unless a field says otherwise they are matched against
 * `normalizeText` output: lower case, Latin accents stripped, ё folded to е, punctuation
 * other than `@ . -` turned into spaces ("don't" → "don t"). `\b` is a Unicode word boundary.
 */
export type Patterns = readonly string[];

/** The commands that count only when they are the whole message. */
export type Command = 'help' | 'cancel' | 'restart';

/** How the keyword classifier recognises the language: by its script, or by frequent function words. */
export type LanguageCue = { script: string } | { functionWords: Patterns };

/** Words the keyword classifier weighs; product names typed in every language stay in the lexicon. */
export interface ClassifierCues {
    /** Azure resources named in words ("máquina virtual"). */
    azureResources: Patterns;
    /** Mailboxes: a strong sign of Microsoft 365. */
    mailboxes: Patterns;
    /** Mail, calendar and meetings: a weaker sign of Microsoft 365. */
    mailAndMeetings: Patterns;
    /** Dynamics 365 features (security roles, opportunities). May be empty: the English names are shared. */
    dynamicsFeatures: Patterns;
    /** Conditional access and the like: a strong sign of EMS. */
    accessControl: Patterns;
    /** Device enrolment and compliance: a weaker sign of EMS. May be empty. */
    deviceManagement: Patterns;
    /** Money: invoices, payments, prices (commercial). */
    money: Patterns;
    /** Contract changes: cancelling, renewing, buying licences (commercial). */
    contract: Patterns;
    /** Faults and how-to wording (technical). */
    fault: Patterns;
    /** Sign-in and password words, a weaker technical sign. */
    signIn: Patterns;
    /** Something is broken (kind break-fix). */
    breakFix: Patterns;
    /** A question about how to do something (kind advisory). */
    howTo: Patterns;
    /** The impact a message states, per severity. */
    severity: Readonly<Record<Severity, Patterns>>;
    /** Recognising the language itself. */
    language: LanguageCue;
}

/**
 * Words of what a customer asks of the conversation besides describing a problem (the
 * intent recogniser, `src/understanding/intentRecognizer.ts`). Matched on `normalizeText`
 * output. Lists named "strong" decide on their own, so they hold only unambiguous wording;
 * the others are features of the trained intent model. Changing them requires
 * `npm run train` (a test compares the committed intents.json with a fresh training).
 */
export interface IntentCues {
    /** Strong: asking to call or be called, or for a number to call ("ring me back", "número para llamar"). */
    phone: Patterns;
    /** Phones and calls as the subject of a problem (Teams Phone, Authenticator, SMS codes): they veto the phone rule. */
    phoneTopics: Patterns;
    /** Strong: asking for a person, an agent, an engineer (besides the pack's `personRequests`). */
    person: Patterns;
    /** A case the customer opened ("ticket", "chamado", "заявка"). */
    caseNouns: Patterns;
    /** Asking how something is going ("any update", "novedades", "статус"). With a case noun it is strong. */
    statusAsks: Patterns;
    /** Strong: insults and giving up ("useless", "me rindo", "бесполезный"). */
    insults: Patterns;
    /** Weaker signs of anger or sarcasm ("again", "otra vez", "опять"). */
    frustration: Patterns;
    /** Strong: correcting what was said or understood ("I meant", "quise decir", "имел в виду"). */
    correction: Patterns;
    /** "X, not Y" shapes, a weaker sign of a correction. */
    contrast: Patterns;
    /** Strong: announcing more than one problem ("two things", "por un lado", "во-первых"). */
    multiProblem: Patterns;
    /** Weaker joins of a further problem ("also", "además", "ещё"). */
    alsoWords: Patterns;
    /** How this language names each of the bot's languages ("spanish", "castellano", "испанск\S*"). */
    languageNames: Readonly<Record<Language, Patterns>>;
    /** Wanting a language; `<lang>` stands for any language's name ("in <lang>", "на <lang>"). */
    wantLanguage: Patterns;
    /** Not wanting it, or saying what the chat is in now ("not <lang>", "no entiendo <lang>", "veio em <lang>"). */
    notLanguage: Patterns;
    /** Software, documents and settings whose language is meant, not the chat's ("display language", "idioma de"). */
    languageOfThings: Patterns;
    /** The chat itself ("chat", "conversation", "reply", "чат"): overrides `languageOfThings`. */
    thisChat: Patterns;
}

/**
 * Everything the bot recognises in one language, as data (like botbuilder's
 * `PromptCultureModel`). User-facing text is not here: it lives in the message catalogue
 * `src/i18n/locales/<language>.json`.
 */
export interface LanguagePack {
    /** The language's name in itself ("Español"). */
    nativeName: string;
    /** Its name in English, as the agents' cards show it ("Spanish"). */
    englishName: string;
    /** The locale for dates and numbers (luxon / Intl), e.g. "es-ES". */
    locale: string;
    /** What Azure AI Language is told: the language code ("pt-BR") and the country hint for detection ("br"). */
    azure: { language: string; countryHint: string };
    /** Letters folded to another before any matching (Russian ё → е). May be empty. */
    letterFolds: Readonly<Record<string, string>>;
    /**
     * Whole messages asking, in this language, to continue in each language ("en inglés").
     * Keyed by every language, so a new language is a compile error in each pack until it can be asked for.
     */
    switchTo: Readonly<Record<Language, Patterns>>;
    /** Whole-message commands. */
    commands: Readonly<Record<Command, Patterns>>;
    /** Courtesy words allowed before or after a command ("please"). May be empty. */
    courtesy: Patterns;
    /** Asking for a person, anywhere in a message. */
    personRequests: Patterns;
    /** Asking for phone support, anywhere in a message. */
    phoneRequests: Patterns;
    /** Whole-message greetings. */
    greetings: Patterns;
    /** Words that may follow a greeting ("hi there"). May be empty. */
    greetingTails: Patterns;
    /** Whole-message yes. */
    yes: Patterns;
    /** Whole-message no. */
    no: Patterns;
    /** Not knowing the answer ("no sé"). */
    notSure: Patterns;
    /** Exact one-word answers to "what is the impact?" (plain words, not patterns). */
    impactAnswers: Readonly<Record<Impact, readonly string[]>>;
    /** Words inside a free-text impact answer. */
    impactWords: Readonly<Record<Impact, Patterns>>;
    /** Typed answers to "commercial or technical?" and "broken, or a how-to question?". */
    answerWords: { commercial: Patterns; technical: Patterns; breakFix: Patterns; advisory: Patterns };
    /** The keyword classifier's cues. */
    cues: ClassifierCues;
    /** Words that carry no meaning for guidance search (plain words, accents stripped). */
    stopWords: readonly string[];
    /**
     * Words that say when or how politely, not what is wrong: left out of guidance search
     * too, so that "since this morning" does not count as something no article answers.
     */
    guidanceFillers: readonly string[];
    /**
     * Function words and chat shorthand that stopWords leave out (pronouns, auxiliaries,
     * "pls", "pra", "щас"): left out of guidance search, where a word no article uses would
     * otherwise count as something the question asks and no article answers.
     */
    guidanceFunctionWords: readonly string[];
    /** Asking how a ticket is doing, the nouns that may sit next to a bare ticket number, and asking to reopen one. */
    ticketStatus: { asks: Patterns; nouns: Patterns; reopens: Patterns };
    /** Leaving a queue or an agent's chat. Raw text, whole message, case-insensitive. */
    leave: Patterns;
    /** Units after a typed rating ("4 stars"). Raw text, case-insensitive. */
    ratingUnits: Patterns;
    /** Saying there is no support plan ("none"). Raw text, whole message, case-insensitive. */
    noPlan: Patterns;
    /** Labels in front of personal data, for redaction. Raw text (accents kept), case-insensitive. */
    pii: {
        /** Labels of a secret value ("contraseña: …"). */
        secretLabels: Patterns;
        /** Labels of a phone number ("teléfono"). */
        phoneLabels: Patterns;
        /** Words before a version number, which is not an IP address ("versión 10.0.0.1"). */
        versionWords: Patterns;
    };
    /**
     * Words that open another problem in the same message, at the start of a clause. `strong`
     * ones say so on their own ("another thing", "otra cosa", "во-вторых"); `weak` ones
     * ("also", "además", "ещё") may just add a detail, so the two parts must also be about
     * different things.
     */
    problemSeparators: { strong: Patterns; weak: Patterns };
    /** "Not" in a correction ("it's Dynamics, not Azure"): the words before the wrong value. */
    negations: Patterns;
    /** What a customer asks of the conversation besides describing a problem. */
    intents: IntentCues;
    /** Service names as customers write them in this language. Raw text, case-insensitive. */
    serviceNames: {
        /** Mail and mailboxes (the Exchange Online workload). */
        mail: Patterns;
    };
}
