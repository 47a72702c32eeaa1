import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { tenantIdOf } from '../bot/channelData';
import type { Logger } from '../logger';

/** Who a message in a customer's transcript is from, when the bot sends it on someone's behalf. */
export const TRANSCRIPT_ROLE = Symbol('transcriptRole');
/** Set on turns whose activities must not go into any customer's transcript (agents' chats and channel). */
export const SKIP_TRANSCRIPT = Symbol('skipTranscript');

export interface TranscriptRole {
    role: 'agent' | 'bot';
    author: string | null;
}

type Outgoing = Partial<Activity>;

/**
 * Proactive messages through the real adapter (`continueConversationAsync` and
 * `createConversationAsync`): to a customer, to an agent's 1:1 chat, to the agents' channel.
 */
export class Messenger {
    constructor(
        private readonly adapter: CloudAdapter,
        private readonly botAppId: string,
        private readonly logger: Logger,
    ) {}

    /** Sends activities to a conversation; returns the id of the first one sent. */
    async send(reference: Partial<ConversationReference>, activities: Outgoing[], transcript: TranscriptRole | 'skip'): Promise<string | undefined> {
        let firstId: string | undefined;
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            this.mark(context, transcript);
            const responses = await context.sendActivities(activities);
            firstId = responses[0]?.id;
        });
        return firstId;
    }

    /** Replaces a card sent earlier (Teams updates it in place). */
    async update(reference: Partial<ConversationReference>, activityId: string, activity: Outgoing): Promise<void> {
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            context.turnState.set(SKIP_TRANSCRIPT, true);
            await context.updateActivity({ ...activity, id: activityId, type: 'message' });
        });
    }

    /**
     * Opens a 1:1 Teams chat between the bot and a member of a team the bot is in; returns its
     * conversation reference, or undefined when Teams refuses (the app is not available to them).
     */
    async openTeamsChat(from: TurnContext): Promise<Partial<ConversationReference> | undefined> {
        const { activity } = from;
        const tenantId = tenantIdOf(activity);
        let reference: Partial<ConversationReference> | undefined;
        try {
            await this.adapter.createConversationAsync(
                this.botAppId,
                'msteams',
                activity.serviceUrl,
                '',
                { isGroup: false, bot: activity.recipient, members: [activity.from], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters,
                async (context) => {
                    reference = TurnContext.getConversationReference(context.activity);
                },
            );
        } catch (error) {
            this.logger.warn({ err: { message: (error as Error).message } }, 'could not open a 1:1 chat with the agent');
            return undefined;
        }
        return reference;
    }

    private mark(context: TurnContext, transcript: TranscriptRole | 'skip'): void {
        if (transcript === 'skip') context.turnState.set(SKIP_TRANSCRIPT, true);
        else context.turnState.set(TRANSCRIPT_ROLE, transcript);
    }
}
