/**
 * What a customer asks of the conversation besides, or instead of, describing a problem
 * (corpus/CONVERSATIONS.md, section 2): to be phoned, how their case is going, another
 * language, anger, a correction, several problems at once, a person.
 */
export const INTENTS = ['phone', 'status', 'switch', 'frustration', 'correction', 'multi-problem', 'person'] as const;

/** One of {@link INTENTS}. */
export type Intent = (typeof INTENTS)[number];

/** The intent model's classes: every intent, and 'none' for an ordinary message. */
export const INTENT_CLASSES = [...INTENTS, 'none'] as const;

/** An intent, or 'none'. */
export type IntentLabel = (typeof INTENT_CLASSES)[number];
