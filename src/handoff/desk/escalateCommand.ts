import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { chatOf, t, type Desk } from './desk';
import { agentActor } from './ticketCommands';

/** `escalate [#id]` or the button: files the ticket with Microsoft (Partner Center) when configured. */
export async function escalateCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id: number | undefined, ticketId?: number): Promise<void> {
    const { ctx } = desk;
    const handoff = id ? await ctx.handoffs.byId(id) : ticketId ? undefined : await chatOf(desk, agent);
    const target = ticketId ?? handoff?.ticketId ?? undefined;
    if (!target) return void (await context.sendActivity(t('nothingToEscalate')));
    if (!desk.escalate) return void (await context.sendActivity(t('escalationNotConfigured')));
    const { text, queued } = await desk.escalate(target, agent);
    await context.sendActivity(text);
    // The customer hears that their ticket is with Microsoft (unless it already was, or is closed).
    if (queued) await desk.ctx.work.withMicrosoft(target, agentActor(agent), 'Partner Center');
}
