import type { Intent } from './intentLabels';
import { switchTarget, type IntentEvidence } from './intentCues';

/** Messages up to this many words that quote a ticket number are asking about it. */
const SHORT_TICKET_MESSAGE = 12;

/** Messages up to this many words that name a wanted language are asking for it. */
const SHORT_SWITCH_MESSAGE = 6;

/**
 * High-precision rules, in priority order: the first that fires decides and the model is not
 * asked. Each needs unambiguous wording from the packs, so obvious cases never depend on the
 * model; vetoes keep the hard negatives out ("our Teams Phone numbers stopped working" is not
 * a request for a call, "change Outlook's language to Spanish" is not a request to switch).
 */
const RULES: ReadonlyArray<[Intent, (e: IntentEvidence) => boolean]> = [
    ['switch', (e) => switchTarget(e) !== undefined && (e.language.wanted || e.words <= SHORT_SWITCH_MESSAGE)],
    // "When will my request be seen? does it have a number yet?" asks about the case, not for a number to call.
    ['phone', (e) => (e.cues.phone || e.phoneRequest) && !e.cues.phoneTopics && !(e.cues.caseNouns && e.cues.statusAsks)],
    ['person', (e) => e.cues.person || e.personRequest],
    ['status', (e) => e.ticketNumber && (e.cues.statusAsks || e.words <= SHORT_TICKET_MESSAGE) && !e.cues.correction],
    ['frustration', (e) => e.cues.insults || e.typography.shouting],
    ['status', (e) => e.cues.caseNouns && e.cues.statusAsks],
    ['correction', (e) => e.cues.correction],
    ['multi-problem', (e) => e.cues.multiProblem || e.typography.enumerated],
];

/** The intent the rules decide, or undefined when it is the model's call. */
export function ruleIntent(e: IntentEvidence): Intent | undefined {
    return RULES.find(([, fires]) => fires(e))?.[0];
}
