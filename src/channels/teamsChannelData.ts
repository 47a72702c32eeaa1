import type { Activity } from 'botbuilder';
import { z } from 'zod';

const TenantId = z.string().min(1).max(64);
const TeamsChannelDataSchema = z.object({ tenant: z.object({ id: TenantId }) });

/**
 * The customer's Microsoft Entra tenant, only where the channel vouches for it: Teams puts it
 * in `channelData.tenant.id` and `conversation.tenantId`, and Bot Framework authentication ties
 * `channelId` msteams to the Teams service. Any other channel (Web Chat, Direct Line) passes
 * through whatever its client wrote, so a tenant from there is never believed. Undefined when
 * absent, malformed, or when the two Teams fields disagree.
 */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
    if (activity.channelId !== 'msteams') return undefined;
    const parsed = TeamsChannelDataSchema.safeParse(activity.channelData);
    const fromChannelData = parsed.success ? parsed.data.tenant.id : undefined;
    const conversation = TenantId.safeParse(activity.conversation?.tenantId);
    const fromConversation = conversation.success ? conversation.data : undefined;
    if (fromChannelData && fromConversation && fromChannelData.toLowerCase() !== fromConversation.toLowerCase()) return undefined;
    return fromChannelData ?? fromConversation;
}
