import { TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { tenantIdOf } from './teamsChannelData';

/**
 * Opens a 1:1 Teams chat between the bot and the sender of `from` (a member of a team the bot
 * is in) and returns its conversation reference; throws when Teams refuses (the app is not
 * available to them).
 */
export async function openTeamsChat(adapter: CloudAdapter, botAppId: string, from: TurnContext): Promise<Partial<ConversationReference> | undefined> {
    const { activity } = from;
    const tenantId = tenantIdOf(activity);
    let reference: Partial<ConversationReference> | undefined;
    const parameters = { isGroup: false, bot: activity.recipient, members: [activity.from], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters;
    await adapter.createConversationAsync(botAppId, 'msteams', activity.serviceUrl, '', parameters, async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
    });
    return reference;
}
