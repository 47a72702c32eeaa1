import type { TurnContext } from 'botbuilder';
import type { AgentCommand } from '../agentCommands';
import { t, type Desk } from './desk';

/** `failed`: deliveries that kept failing; `retry #id` sends one again. */
export async function deliveriesCommand(desk: Desk, context: TurnContext, command: Extract<AgentCommand, { kind: 'failed' | 'retry' }>): Promise<void> {
    const { failed } = desk;
    if (!failed) return void (await context.sendActivity(t('noOutbox')));
    if (command.kind === 'retry') return void (await context.sendActivity(t((await failed.retry(command.delivery)) ? 'retrying' : 'notFailed', { id: command.delivery })));
    const dead = await failed.list();
    const lines = dead.map((d) => t('failedLine', { id: d.id, kind: d.kind, ticket: d.ticketNumber ? t('failedFor', { ticket: d.ticketNumber }) : '', attempts: d.attempts, error: d.lastError ?? t('someone.unknown') }));
    await context.sendActivity(lines.length ? `${t('failedTitle')}\n${lines.join('\n')}` : t('noFailed'));
}
