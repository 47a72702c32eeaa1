import type { TurnContext } from 'botbuilder';

/** Who a message in a customer's transcript is from, when the bot sends it on someone's behalf. */
export const TRANSCRIPT_ROLE = Symbol('transcriptRole');
/** Set on turns whose activities must not go into any customer's transcript (agents' chats and channel). */
export const SKIP_TRANSCRIPT = Symbol('skipTranscript');

export interface TranscriptRole {
    role: 'agent' | 'bot';
    author: string | null;
}

/** Marks a turn's outgoing messages as an agent's (or the bot's), or as not part of any customer transcript. */
export function markTranscript(context: TurnContext, transcript: TranscriptRole | 'skip'): void {
    if (transcript === 'skip') context.turnState.set(SKIP_TRANSCRIPT, true);
    else context.turnState.set(TRANSCRIPT_ROLE, transcript);
}
