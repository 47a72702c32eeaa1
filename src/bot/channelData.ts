import type { Activity } from 'botbuilder';
import { z } from 'zod';

const TeamsChannelDataSchema = z.object({ tenant: z.object({ id: z.string().min(1).max(64) }) });

/**
 * The customer's Microsoft Entra tenant, as the channel reports it (Teams puts it in
 * `channelData.tenant.id`); undefined when absent or malformed.
 */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
    const parsed = TeamsChannelDataSchema.safeParse(activity.channelData);
    if (parsed.success) return parsed.data.tenant.id;
    const fromConversation = z.string().min(1).max(64).safeParse(activity.conversation?.tenantId);
    return fromConversation.success ? fromConversation.data : undefined;
}
