import type { TurnContext } from 'botbuilder';
import type { AgentCommand } from '../agentCommands';
import type { AgentIdentity } from '../agentDirectory';
import { t, type Desk } from './desk';

type ManageCommand = Extract<AgentCommand, { kind: 'agents-list' | 'agents-add' | 'agents-remove' }>;

/** Admins only: `agents`, `agents add <Entra object id> [name]`, `agents remove <id>`. */
export async function manageAgentsCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, command: ManageCommand): Promise<void> {
    const { agents, now } = desk.ctx;
    if (!agent.admin) return void (await context.sendActivity(t('adminsOnly')));
    if (command.kind === 'agents-add') {
        await agents.add(command.aadObjectId, command.name, agent.aadObjectId, now().toJSDate());
        await context.sendActivity(t('agentAdded', { agent: command.name ?? command.aadObjectId }));
    } else if (command.kind === 'agents-remove') {
        const removed = await agents.remove(command.aadObjectId);
        await context.sendActivity(t(removed ? 'agentRemoved' : 'agentNotRemovable', { agent: command.aadObjectId }));
    } else {
        const list = await agents.list();
        await context.sendActivity(list.length ? list.map((a) => t('agentLine', { agent: a.name ?? a.aadObjectId, source: a.source })).join('\n') : t('noAgents'));
    }
}
