import { namesProblem } from './lexicon';
import { normalizeText } from './normalize';
import { sentencesOf } from './sentences';

/**
 * What a message says besides a request to the conversation (a number to call, a person): the
 * sentences that do not make the request, and those that make it while naming a service or a
 * fault ("call me, Outlook is down"). Empty when the message only asks ("is there a number I
 * can ring? would be easier to explain"), so the request is never taken for the problem.
 */
export function besidesRequest(text: string, asks: (sentence: string) => boolean): string {
    return sentencesOf(text)
        .filter((s) => !asks(s) || namesProblem(normalizeText(s)))
        .join(' ');
}
