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
    /** Asking how a ticket is doing, and the nouns that may sit next to a bare ticket number. */
    ticketStatus: { asks: Patterns; nouns: Patterns };
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
    /** Words that open a second, different problem in the same message ("and separately", "otra cosa"). */
    problemSeparators: Patterns;
    /** "Not" in a correction ("it's Dynamics, not Azure"): the words before the wrong value. */
    negations: Patterns;
    /** Service names as customers write them in this language. Raw text, case-insensitive. */
    serviceNames: {
        /** Mail and mailboxes (the Exchange Online workload). */
        mail: Patterns;
    };
}
