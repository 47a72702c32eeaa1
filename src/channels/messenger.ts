import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { openTeamsChat } from './teamsChats';
import type { Logger } from '../logger';
import { markTranscript, type TranscriptRole } from '../transcript/transcriptMarks';

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
            markTranscript(context, transcript);
            const responses = await context.sendActivities(activities);
            firstId = responses[0]?.id;
        });
        return firstId;
    }

    /** Replaces a card sent earlier (Teams updates it in place). */
    async update(reference: Partial<ConversationReference>, activityId: string, activity: Outgoing): Promise<void> {
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            markTranscript(context, 'skip');
            await context.updateActivity({ ...activity, id: activityId, type: 'message' });
        });
    }

    /** Opens a 1:1 Teams chat with the sender of `from`; undefined when Teams refuses. */
    async openTeamsChat(from: TurnContext): Promise<Partial<ConversationReference> | undefined> {
        try {
            return await openTeamsChat(this.adapter, this.botAppId, from);
        } catch (error) {
            this.logger.warn({ err: { message: (error as Error).message } }, 'could not open a 1:1 chat with the agent');
            return undefined;
        }
    }
}
