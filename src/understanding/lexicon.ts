import { LANGUAGES, SEVERITIES, type Category, type Kind, type Language, type Product, type Severity } from '../policy/types';
import { anyWord, wordPattern } from './normalize';
import { inAnyLanguage, PACKS, type ClassifierCues, type LanguageCue } from './packs';

/** A weighted pattern: when it matches normalized text, `weight` is added to `label`. */
export interface Cue<T extends string> {
    pattern: RegExp;
    label: T;
    weight: number;
}

type WordCue = Exclude<keyof ClassifierCues, 'severity' | 'language'>;

/**
 * A cue matching `shared` words (product and feature names, which customers type in every
 * language) and the packs' words for `words`.
 */
const cue = <T extends string>(label: T, weight: number, shared: readonly string[], words?: WordCue): Cue<T> => ({
    label,
    weight,
    pattern: anyWord([...shared, ...(words ? inAnyLanguage((p) => p.cues[words]) : [])]),
});

/** Product cues: product and feature names, plus the packs' words for them. */
export const PRODUCT_CUES: Array<Cue<Product>> = [
    { label: 'azure', weight: 3, pattern: wordPattern(/\bazure\b(?! ad\b)(?! active directory)(?! information protection)/) },
    cue(
        'azure',
        2,
        ['vm', 'vms', 'app service', 'aks', 'kubernetes', 'blob', 'storage account', 'cosmos ?db', 'azure sql', 'sql database', 'resource group', 'vnet', 'vpn gateway', 'key vault', 'azure functions?', 'allocationfailed', 'subscription id'],
        'azureResources',
    ),
    cue('microsoft365', 3, ['microsoft 365', 'office 365', 'm365', 'o365', 'outlook', 'exchange', 'teams', 'sharepoint', 'onedrive', 'word', 'excel', 'powerpoint'], 'mailboxes'),
    cue('microsoft365', 1.5, [], 'mailAndMeetings'),
    cue('dynamics365', 3, ['dynamics', 'd365', 'business central', 'crm', 'dataverse', 'field service', 'customer service app', 'finance and operations', 'navision', 'nav']),
    cue('dynamics365', 1.5, ['sales hub'], 'dynamicsFeatures'),
    cue(
        'ems',
        3,
        ['intune', 'ems', 'enterprise mobility', 'entra id p[12]', 'azure ad premium', 'identity protection', 'pim', 'information protection', 'sensitivity labels?', 'defender for (identity|cloud apps)', 'autopilot', 'mdm', 'mam'],
        'accessControl',
    ),
    cue('ems', 1.5, ['mfa', 'authenticator', 'multi-?factor'], 'deviceManagement'),
];

/** Category cues: money and contract words versus fault and how-to words. */
export const CATEGORY_CUES: Array<Cue<Category>> = [
    cue('commercial', 2.5, [], 'money'),
    cue('commercial', 2, [], 'contract'),
    cue('technical', 2, [], 'fault'),
    cue('technical', 1, ['vm'], 'signIn'),
];

/** True when normalized text names a service, or a fault, a bill or a contract: it tells something of a problem. */
export function namesProblem(normalized: string): boolean {
    return PRODUCT_CUES.some((c) => c.pattern.test(normalized)) || CATEGORY_CUES.some((c) => c.pattern.test(normalized));
}

/** Kind cues: faults versus questions. */
export const KIND_CUES: Array<Cue<Kind>> = [
    cue('break-fix', 2.5, [], 'breakFix'),
    cue('advisory', 2.5, [], 'howTo'),
    { label: 'advisory', weight: 1, pattern: wordPattern(/\?$/) },
];

/** Impact cues, for the severity a message states (also used for free-text impact answers). */
export const SEVERITY_CUES: Array<Cue<Severity>> = SEVERITIES.map((severity) => ({
    label: severity,
    weight: 3,
    pattern: anyWord(inAnyLanguage((p) => p.cues.severity[severity])),
}));

/** A script decides the language on its own; function words only hint at it. */
const languageCue = (label: Language, cue: LanguageCue): Cue<Language> =>
    'script' in cue ? { label, weight: 4, pattern: new RegExp(`[${cue.script}]`, 'u') } : { label, weight: 1, pattern: anyWord(cue.functionWords) };

/** Language cues: frequent function words, or the language's own script. */
export const LANGUAGE_CUES: Array<Cue<Language>> = LANGUAGES.map((language) => languageCue(language, PACKS[language].cues.language));
