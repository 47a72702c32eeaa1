import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { queueCard } from '../agentViews';
import { issuerFor, replyCard, type Desk } from './desk';

/** `queue`: customers waiting, oldest first, with time waited and severity; Accept on the first five. */
export async function queueCommand(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<void> {
    await replyCard(context, await queueCard(desk.ctx, await desk.ctx.handoffs.waiting(50), issuerFor(desk, context, agent)));
}
