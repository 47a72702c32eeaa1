import { detectInterruption } from './intents';

/** Besides the bot's own cancel commands: words for leaving a queue or a chat. */
const LEAVE = /^(leave|end chat|sair|salir|выйти)$/i;

/** A typed rating: "4", "4/5", "4 stars", "4 estrellas", "4 estrelas", "4 звезды". */
const RATING = /^([1-5])(\s*(\/\s*5|stars?|estrellas?|estrelas?|звезд\S*))?$/i;

/** True when the customer wants out of the queue or the chat with an agent. */
export function wantsToLeave(text: string): boolean {
    return detectInterruption(text) === 'cancel' || LEAVE.test(text);
}

/** The 1-5 rating a customer typed; undefined when the text is not one. */
export function parseTypedRating(text: string): number | undefined {
    const digit = RATING.exec(text.trim())?.[1];
    return digit ? Number(digit) : undefined;
}
