import type { TurnContext } from 'botbuilder';
import { renderAgentCard } from '../../../cards';
import { translator } from '../../i18n/i18n';
import { languageName } from '../../understanding/packs';
import type { Availability } from '../agentChatRepository';
import type { AgentIdentity } from '../agentDirectory';
import { at, bind, clip, type Button } from '../agentViews';
import type { Handoff } from '../handoffTypes';
import { openAgentChat } from './acceptCommand';
import { chatOf, issuerFor, replyCard, t, type Desk } from './desk';

/** `available`, `away`, `offline` (or the buttons of the chats card): who customers may go to. */
export async function availabilityCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, availability: Availability): Promise<void> {
    const { ctx } = desk;
    await ctx.agents.setAvailability(agent.aadObjectId, availability, ctx.now().toJSDate());
    const lines = [t(`availability.${availability}`)];
    const live = await ctx.handoffs.chatsWith(agent.aadObjectId);
    if (availability !== 'available' && live.length > 0) lines.push(t('availability.stillChats', { count: live.length }));
    if (availability !== 'available' && !(await desk.queue.someoneAvailable())) lines.push(t('availability.lastOut'));
    await context.sendActivity(lines.join('\n\n'));
    // A customer who waits may now have someone to go to.
    if (availability === 'available') await desk.channel.offerNext();
}

function chatLine(desk: Desk, handoff: Handoff, focus: boolean, number: string | undefined): string {
    const zone = desk.ctx.partner.hours.timeZone;
    return t('chats.line', {
        marker: focus ? t('chats.focus') : '-',
        id: handoff.id,
        customer: handoff.customerName ?? t('someone.customer'),
        organisation: handoff.customerOrganisation ?? t('someone.unknown'),
        language: t(`language.${handoff.language}`, { defaultValue: languageName(handoff.language) }),
        since: at(handoff.acceptedAt ?? handoff.updatedAt, zone),
        ticket: number ? t('chats.ticket', { number }) : '',
    });
}

/** `chats`: the agent's live chats, which one their messages go to, buttons to switch and to set their availability. */
export async function chatsCommand(desk: Desk, context: TurnContext, agent: AgentIdentity): Promise<void> {
    const { ctx } = desk;
    const chats = await ctx.handoffs.chatsWith(agent.aadObjectId);
    const focus = await chatOf(desk, agent);
    const availability = (await ctx.agents.presenceOf(agent.aadObjectId))?.availability ?? 'available';
    const name = t(`availability.name.${availability}`);
    const lines = await Promise.all(
        chats.map(async (h) => chatLine(desk, h, h.id === focus?.id, h.ticketId ? ((await ctx.tickets.findById(h.ticketId))?.number ?? undefined) : undefined)),
    );
    const buttons: Button[] = [
        ...chats.filter((h) => h.id !== focus?.id).slice(0, 3).map((h) => ({ title: t('chats.switchButton', { id: h.id }), action: 'switch' as const, handoff: h.id })),
        ...(['available', 'away', 'offline'] as const).filter((a) => a !== availability).map((a) => ({ title: t(`chats.button.${a}`), action: a })),
    ];
    const card = await renderAgentCard({
        title: chats.length ? t('chats.title', { count: chats.length, max: ctx.options.maxChatsPerAgent, availability: name }) : t('chats.none', { availability: name }),
        status: '',
        statusColor: availability === 'available' ? 'Good' : 'Warning',
        facts: [],
        summary: '',
        lines,
        actions: await bind(buttons, issuerFor(desk, context, agent)),
    });
    await replyCard(context, card);
}

/** `switch #id`: the agent's next messages go to that chat. */
export async function switchCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id: number): Promise<void> {
    const handoff = await chatOf(desk, agent, id);
    if (!handoff) return void (await context.sendActivity(t('chats.notYours', { id })));
    await desk.ctx.agents.setFocus(agent.aadObjectId, handoff.id);
    await context.sendActivity(t('chats.switched', { id: handoff.id, customer: handoff.customerName ?? t('someone.theCustomer') }));
}

/** `team`: every agent's availability and live chats, and how many customers wait. */
export async function teamCommand(desk: Desk, context: TurnContext): Promise<void> {
    const { ctx } = desk;
    const roster = await ctx.agents.roster();
    if (roster.length === 0) return void (await context.sendActivity(t('team.none')));
    const counts = await ctx.handoffs.liveCounts();
    const waiting = (await ctx.handoffs.waiting()).length;
    const lines = roster.map((a) => t('team.line', { agent: a.name, availability: t(`availability.name.${a.availability}`), chats: counts.get(a.aadObjectId) ?? 0 }));
    await context.sendActivity([t('team.title', { waiting }), ...lines].join('\n'));
}

/**
 * `transfer [#id] to <name>[: note]` / `transfer [#id] queue[: note]`: the chat goes to an
 * available colleague (who sees the note and the conversation so far) or back to the queue;
 * the customer is told who they are talking to now.
 */
export async function transferCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, id: number | undefined, to: string, note: string): Promise<void> {
    const { ctx } = desk;
    const handoff = await chatOf(desk, agent, id);
    if (!handoff) return void (await context.sendActivity(id ? t('chats.notYours', { id }) : t('transfer.nothing')));
    const customer = handoff.customerName ?? t('someone.theCustomer');
    const now = ctx.now().toJSDate();
    const customerT = translator(handoff.language);
    if (to === 'queue') {
        if (!(await ctx.handoffs.requeue(handoff.id, agent.aadObjectId, note || null, now))) return void (await context.sendActivity(t('transfer.raced')));
        await desk.relay.toCustomer(handoff, [{ type: 'message', text: customerT('handoff.transferredToQueue', { agent: agent.name }) }], null);
        if (handoff.ticketId) await ctx.tickets.addEvent(handoff.ticketId, 'handoff.transferred', { handoff: handoff.id, from: agent.name, to: 'queue', note }, now, { kind: 'agent', id: agent.aadObjectId, name: agent.name });
        await context.sendActivity(t('transfer.toQueue', { id: handoff.id, customer }));
        const requeued = await ctx.handoffs.byId(handoff.id);
        if (requeued) {
            await desk.channel.refreshWaiting(requeued);
            await desk.channel.offerNext(agent.aadObjectId);
        }
        return;
    }
    const colleague = await ctx.agents.byName(to);
    if (!colleague) return void (await context.sendActivity(t('transfer.noColleague', { name: clip(to, 80) })));
    if (colleague.aadObjectId === agent.aadObjectId) return void (await context.sendActivity(t('transfer.self')));
    const presence = await ctx.agents.presenceOf(colleague.aadObjectId);
    const chat = await ctx.agents.chatOf(colleague.aadObjectId);
    if (!presence || !chat) return void (await context.sendActivity(t('transfer.colleagueNoChat', { agent: colleague.name })));
    if (presence.availability !== 'available') return void (await context.sendActivity(t('transfer.colleagueUnavailable', { agent: colleague.name, availability: t(`availability.name.${presence.availability}`) })));
    const theirs = (await ctx.handoffs.liveCounts()).get(colleague.aadObjectId) ?? 0;
    if (theirs >= ctx.options.maxChatsPerAgent) return void (await context.sendActivity(t('transfer.colleagueFull', { agent: colleague.name, count: theirs })));
    if (!(await ctx.handoffs.transfer(handoff.id, agent.aadObjectId, colleague, note || null, now))) return void (await context.sendActivity(t('transfer.raced')));
    await ctx.agents.setFocus(colleague.aadObjectId, handoff.id);
    await desk.relay.toCustomer(handoff, [{ type: 'message', text: customerT('handoff.transferred', { from: agent.name, agent: colleague.name }) }], null);
    if (handoff.ticketId) await ctx.tickets.addEvent(handoff.ticketId, 'handoff.transferred', { handoff: handoff.id, from: agent.name, to: colleague.name, note }, now, { kind: 'agent', id: agent.aadObjectId, name: agent.name });
    const moved = (await ctx.handoffs.byId(handoff.id)) ?? handoff;
    const received = note ? t('transfer.receivedNote', { from: agent.name, customer, id: handoff.id, note }) : t('transfer.received', { from: agent.name, customer, id: handoff.id });
    await openAgentChat(desk, moved, colleague, chat, received);
    await context.sendActivity(t('transfer.done', { id: handoff.id, customer, agent: colleague.name }));
}

/** `/name`: a canned response, in the customer's language, to the chat the agent's messages go to; `canned`: the list. */
export async function cannedCommand(desk: Desk, context: TurnContext, agent: AgentIdentity, name: string | undefined): Promise<void> {
    const canned = desk.ctx.options.cannedResponses;
    if (!name) {
        const list = canned.list();
        if (list.length === 0) return void (await context.sendActivity(t('canned.none')));
        return void (await context.sendActivity([t('canned.title'), ...list.map((c) => t('canned.line', { name: c.name, languages: c.languages.join(', '), text: clip(c.en, 80) }))].join('\n')));
    }
    const handoff = await chatOf(desk, agent);
    if (!handoff) return void (await context.sendActivity(t('canned.needsChat')));
    const text = canned.text(name, handoff.language);
    if (!text) return void (await context.sendActivity(t('canned.unknown', { name })));
    await desk.relay.toCustomer(handoff, [{ type: 'message', text: t('agentSays', { agent: agent.name, text }), textFormat: 'markdown' }], agent.name);
}
