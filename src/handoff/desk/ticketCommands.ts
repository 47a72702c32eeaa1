import type { TurnContext } from 'botbuilder';
import { isOpenStatus } from '../../policy/ticketLifecycle';
import type { Actor } from '../../policy/types';
import type { Ticket } from '../../store/ticketRepository';
import type { ActionResult } from '../../tickets/ticketActions';
import type { AgentIdentity } from '../agentDirectory';
import type { AgentCommand, TicketCommandKind, TicketRef } from '../agentCommands';
import { ticketCard, ticketLine } from '../ticketViews';
import { issuerFor, replyCard, t, type Desk } from './desk';

type TicketCommand = Extract<AgentCommand, { kind: TicketCommandKind }>;

/** The agent as the ticket's history records them. */
export function agentActor(agent: AgentIdentity): Actor {
    return { kind: 'agent', id: agent.aadObjectId, name: agent.name };
}

/** The ticket a command names: by id (a button) or by number (typed). */
export async function ticketOf(desk: Desk, ref: TicketRef | undefined): Promise<Ticket | undefined> {
    if (ref === undefined) return undefined;
    return typeof ref === 'number' ? desk.ctx.tickets.findById(ref) : desk.ctx.tickets.findByNumber(ref);
}

/** What the agent is told after an action, done or refused. */
function outcomeText(result: ActionResult, command: TicketCommand, number: string, done: string): string {
    if (result.ok) return done;
    if (result.reason === 'not-found') return t('ticket.notFound', { ref: number });
    return t(`ticket.refused.${result.reason}`, { number, command: command.kind });
}

/**
 * Ticket commands and the ticket card's buttons: assign (to me or a named colleague),
 * unassign, reply to the customer, wait on the customer, resolve with a resolution, reopen,
 * close, mark as with Microsoft, show the card. Each goes through TicketActions, so the
 * customer, the webhooks and the agents' card hear of it the same way.
 */
export async function ticketCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, command: TicketCommand): Promise<void> {
    const ticket = await ticketOf(desk, command.ticket);
    if (!ticket?.number) return void (await context.sendActivity(t('ticket.notFound', { ref: String(command.ticket ?? '') })));
    const { work } = desk.ctx;
    const actor = agentActor(agent);
    const number = ticket.number;
    const say = async (result: ActionResult, done: string): Promise<void> => void (await context.sendActivity(outcomeText(result, command, number, done)));
    switch (command.kind) {
        case 'show':
            return replyCard(context, await ticketCard(desk.ctx, ticket, issuerFor(desk, context, agent)));
        case 'assign': {
            const to = command.to ? await desk.ctx.agents.byName(command.to) : { aadObjectId: agent.aadObjectId, name: agent.name };
            if (!to) return void (await context.sendActivity(t('ticket.noSuchAgent', { name: command.to })));
            return say(await work.assign(ticket.id, actor, to), t('ticket.assigned', { number, agent: to.name }));
        }
        case 'unassign':
            return say(await work.assign(ticket.id, actor, null), t('ticket.unassigned', { number }));
        case 'reply':
            if (!command.text) return void (await context.sendActivity(t('ticket.refused.needs-text', { number, command: command.kind })));
            return say(await work.reply(ticket.id, actor, command.text), t('ticket.replied', { number }));
        case 'waiting':
            return say(await work.waitOnCustomer(ticket.id, actor, command.text ?? ''), t('ticket.waiting', { number }));
        case 'resolve':
            return say(await work.resolve(ticket.id, actor, command.text ?? ''), t('ticket.resolved', { number }));
        case 'reopen':
            return say(await work.reopen(ticket.id, actor), t('ticket.reopened', { number }));
        case 'close':
            return say(await work.close(ticket.id, actor), t('ticket.closed', { number }));
        case 'microsoft':
            return say(await work.withMicrosoft(ticket.id, actor, command.text ?? ''), t('ticket.microsoft', { number }));
    }
}

/** `tickets` (open tickets, soonest due first) or `mine` (the agent's own). */
export async function ticketsCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, mine: boolean): Promise<void> {
    const { ctx } = desk;
    const tickets = mine ? await ctx.tickets.assignedTo(agent.aadObjectId) : (await ctx.tickets.openByDue(20)).filter((ticket) => isOpenStatus(ticket.status));
    if (tickets.length === 0) return void (await context.sendActivity(t('ticket.none')));
    const now = ctx.now().toJSDate();
    const lines = tickets.map((ticket) => ticketLine(ctx, ticket, now));
    await context.sendActivity([t(mine ? 'ticket.mineTitle' : 'ticket.listTitle'), ...lines].join('\n'));
}
