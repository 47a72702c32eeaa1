import { TurnContext, type Activity, type Middleware } from 'botbuilder';
import { SKIP_TRANSCRIPT, TRANSCRIPT_ROLE, type TranscriptRole } from './transcriptMarks';
import type { NewTranscriptEntry, TranscriptRepository } from './transcriptRepository';
import type { Logger } from '../logger';

const MAX_TEXT = 4000;

/** What a person would read of an activity: its text, else a card's fallback text, else the click. */
function readable(activity: Partial<Activity>): string {
    if (activity.text) return activity.text;
    const card = activity.attachments?.find((a) => typeof (a.content as { fallbackText?: unknown } | undefined)?.fallbackText === 'string');
    if (card) return (card.content as { fallbackText: string }).fallbackText;
    const choice = (activity.value as { choice?: unknown } | undefined)?.choice;
    return typeof choice === 'string' ? `[${choice}]` : '';
}

function attachmentsOf(activity: Partial<Activity>): NewTranscriptEntry['attachments'] {
    return (activity.attachments ?? []).map((a) => ({ contentType: String(a.contentType).slice(0, 100), name: a.name?.slice(0, 200) ?? null }));
}

/**
 * The conversation reference kept for writing to the customer later (a ticket's news, an
 * agent taking over), without the id of the message it was taken from: a proactive turn
 * replies to its own continuation activity, never to that id, and without it the reference
 * stays the same from turn to turn, so it is not written again each time.
 */
function storedReference(activity: Partial<Activity>): string {
    const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(activity);
    return JSON.stringify(reference);
}

/**
 * Records every message of customer conversations — the customer's, the bot's and, during a
 * takeover, the agent's; the PII-redacted copy for what leaves the partner is made when it is read.
 * Agents' own chats are not recorded. A failed write is logged, never fails the turn.
 */
export class TranscriptMiddleware implements Middleware {
    constructor(
        private readonly store: TranscriptRepository,
        private readonly now: () => Date,
        private readonly logger: Logger,
    ) {}

    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const outgoing: Array<Partial<Activity>> = [];
        context.onSendActivities(async (_ctx, activities, nextSend) => {
            outgoing.push(...activities.filter((a) => a.type === 'message'));
            return nextSend();
        });
        await next();
        if (context.turnState.get(SKIP_TRANSCRIPT)) return;
        const conversationId = context.activity.conversation?.id;
        if (!conversationId) return;
        const role = (context.turnState.get(TRANSCRIPT_ROLE) as TranscriptRole | undefined) ?? { role: 'bot', author: null };
        const iso = this.now().toISOString();
        const entry = (activity: Partial<Activity>, who: TranscriptRole | { role: 'customer'; author: string | null }): NewTranscriptEntry => {
            const text = readable(activity).slice(0, MAX_TEXT);
            return { conversationId, role: who.role, author: who.author, text, attachments: attachmentsOf(activity), createdAt: iso };
        };
        const entries = [
            ...(context.activity.type === 'message' ? [entry(context.activity, { role: 'customer', author: context.activity.from?.name?.slice(0, 200) ?? null })] : []),
            ...outgoing.map((a) => entry(a, role)),
        ];
        const customerTurn = context.activity.type === 'message';
        const reference = customerTurn ? { conversationId, json: storedReference(context.activity), at: iso } : undefined;
        try {
            await this.store.append(entries, reference);
        } catch (error) {
            this.logger.warn({ err: { message: (error as Error).message } }, 'could not record the transcript of a turn');
        }
    }
}
