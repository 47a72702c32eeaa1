import type { TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../agentDirectory';
import { isPersonal, t, type Desk } from './desk';

/** Admins only, in the agents' channel: `use this channel` makes it receive waiting customers and new tickets. */
export async function useChannelCommand(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<void> {
    if (!agent.admin) return void (await context.sendActivity(t('adminsOnly')));
    if (isPersonal(context)) return void (await context.sendActivity(t('useChannelThere')));
    await desk.channel.useThis(context);
    await context.sendActivity(t('channelSaved'));
}

/** The bot was added to a team of the partner's tenant: an admin's install sets the agents' channel. */
export async function addedToTeam(desk: Desk, context: TurnContext, agent: AgentIdentity | undefined): Promise<void> {
    if (!agent?.admin) return void (await context.sendActivity(t('helloTeam')));
    if (await desk.channel.reference()) return;
    await desk.channel.useThis(context);
    await context.sendActivity(t('channelSaved'));
}
