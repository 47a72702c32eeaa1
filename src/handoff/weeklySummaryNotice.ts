import { z } from 'zod';
import { renderWeeklySummaryCard } from '../../cards';
import { PermanentDeliveryError, RetryableDeliveryError, type OutboxHandler } from '../outbox/outboxTypes';
import type { AgentsChannel } from './agentsChannel';
import type { HandoffContext } from './handoffContext';

const WeeklySummaryPayloadSchema = z.object({
    week: z.string().max(10),
    title: z.string().max(200),
    period: z.string().max(200),
    facts: z.array(z.object({ title: z.string().max(100), value: z.string().max(300) })).max(10),
    url: z.string().max(500),
});

/**
 * Posts the weekly summary card to the agents' channel, or to each agent's chat with the bot
 * when there is no channel; retried by the outbox while neither can be reached.
 */
export function createWeeklySummaryHandler(ctx: HandoffContext, channel: AgentsChannel): OutboxHandler {
    return async (message) => {
        const payload = WeeklySummaryPayloadSchema.safeParse(message.payload);
        if (!payload.success) throw new PermanentDeliveryError('weekly summary payload is invalid');
        const card = renderWeeklySummaryCard(payload.data);
        try {
            const reference = await channel.reference();
            if (reference) {
                await ctx.messenger.send(reference, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                return;
            }
            const { agents, sent } = await channel.toAgentChats(async () => card);
            if (agents > 0 && sent === 0) throw new RetryableDeliveryError('no agent has a chat with the bot and there is no agents channel');
        } catch (error) {
            if (error instanceof RetryableDeliveryError) throw error;
            throw new RetryableDeliveryError(`weekly summary: ${(error as Error).message.slice(0, 200)}`);
        }
    };
}
