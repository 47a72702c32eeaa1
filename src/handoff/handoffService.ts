import { EventFactory, TurnContext, type Activity, type ConversationReference, type Transcript } from 'botbuilder';
import { DateTime } from 'luxon';
import { renderQuestionCard, type CardSubmission, type RenderedCard } from '../../cards';
import { dueSentence } from '../cases/dueTimeText';
import { formatDueAt } from '../i18n/format';
import { translator } from '../i18n/i18n';
import type { Logger } from '../logger';
import type { PartnerProfile } from '../partner/partnerProfile';
import { isOpen, nextOpenInstant } from '../policy/businessCalendar';
import type { Language, Severity } from '../policy/types';
import type { TicketRepository, TicketRow } from '../store/ticketRepository';
import { detectInterruption } from '../understanding/intents';
import type { ActionAudience, AgentActionRepository } from './agentActionRepository';
import type { AgentDirectory } from './agentDirectory';
import { customerContentForAgent } from './customerContent';
import { requestCard, type IssueAction } from './agentViews';
import type { HandoffRow, HandoffStore, SettingsStore, TranscriptStore } from './handoffStore';
import { TRANSCRIPT_ROLE, type Messenger } from './messenger';

export type HandoffReason = 'asked' | 'offer-accepted' | 'frustrated' | 'severity-a';

export interface HandoffOptions {
    /** Minutes a customer waits for an agent before the bot takes the conversation back. */
    waitTimeoutMinutes: number;
    /** Direct Line channels wired to an external agent hub (never msteams). */
    hubChannels: ReadonlySet<string>;
    /** The agents' Teams channel from configuration (else the one saved when the bot joined the team). */
    agentsChannel?: { conversationId: string; serviceUrl: string; tenantId?: string };
}

export interface HandoffDeps {
    store: HandoffStore;
    transcript: TranscriptStore;
    settings: SettingsStore;
    agents: AgentDirectory;
    /** The buttons on cards sent to agents (only ids the bot issued are honoured). */
    actions: AgentActionRepository;
    tickets: TicketRepository;
    partner: PartnerProfile;
    messenger: Messenger;
    logger: Logger;
    now: () => DateTime;
    options: HandoffOptions;
}

export interface StartRequest {
    reason: HandoffReason;
    language: Language;
    customerName?: string;
    organisation?: string;
    ticket?: TicketRow;
    summary?: string;
}

/** What the customer's side did with a request for a person. */
export type StartResult = 'queued' | 'already' | 'hub' | 'out-of-hours' | 'no-agents';

/** What the bot should do with the customer's message after the takeover looked at it. */
export type CustomerTurnOutcome = 'handled' | 'continue' | 'continue-fresh' | 'resume';

export const AGENTS_CHANNEL_SETTING = 'agentsChannel';
export const RATING_PROMPT = 'handoff-rating';

/** Besides the bot's own cancel commands: words for leaving a queue or a chat. */
const LEAVE = /^(leave|end chat|sair|salir|выйти)$/i;

function wantsOut(text: string): boolean {
    return detectInterruption(text) === 'cancel' || LEAVE.test(text);
}

/**
 * The customer's side of a takeover: queue, honest wait estimate, leaving the queue, timeout
 * and closed hours (the ticket stands), relay to the agent, and the rating afterwards. The
 * agent's side is AgentDesk; both share the database rows, so any instance can serve any turn.
 */
export class HandoffService {
    constructor(readonly deps: HandoffDeps) {}

    /** True when a person could join now: within the partner's hours and with somewhere to notify agents. */
    async availability(): Promise<'open' | 'out-of-hours' | 'no-agents'> {
        if (!isOpen(this.deps.partner.hours, this.deps.now())) return 'out-of-hours';
        return (await this.agentsChannel()) || (await this.deps.agents.list()).length > 0 ? 'open' : 'no-agents';
    }

    /** True when a person could be brought in for a customer on this channel right now. */
    async canStart(channelId: string): Promise<boolean> {
        return this.usesHub(channelId) || (await this.availability()) === 'open';
    }

    /** Puts the customer in touch with a person (queue or external hub) and tells them so. */
    async start(context: TurnContext, request: StartRequest): Promise<StartResult> {
        const { activity } = context;
        const t = translator(request.language);
        const reference = JSON.stringify(TurnContext.getConversationReference(activity));
        const base = {
            conversationId: activity.conversation.id,
            channelId: activity.channelId,
            reason: request.reason,
            language: request.language,
            customerName: request.customerName ?? null,
            customerOrganisation: request.organisation ?? request.ticket?.customer_organisation ?? null,
            ticketId: request.ticket?.id ?? null,
            summary: (request.summary ?? request.ticket?.title ?? '').slice(0, 500) || null,
            customerReference: reference,
        };
        if (this.usesHub(activity.channelId)) return this.startExternal(context, base, request);
        const availability = await this.availability();
        if (availability !== 'open') {
            await context.sendActivity([t(availability === 'out-of-hours' ? 'handoff.outOfHours' : 'handoff.noAgents', { next: this.nextOpening(request.language) }), this.ticketLine(request.ticket, request.language)].join(' ').trim());
            return availability;
        }
        const { handoff, created } = await this.deps.store.enqueue({ ...base, hub: 'builtin' }, this.deps.now().toJSDate());
        if (!created) {
            await context.sendActivity(t('handoff.stillWaiting', { position: await this.deps.store.position(handoff) }));
            return 'already';
        }
        const position = await this.deps.store.position(handoff);
        const minutes = await this.estimateMinutes(position);
        const estimate = minutes === undefined ? t('handoff.estimateUnknown') : t('handoff.estimate', { minutes });
        await context.sendActivity(`${t('handoff.queued', { partner: this.deps.partner.name, position, estimate })}\n\n${t('handoff.queuedTail')}`);
        await this.notifyAgents(handoff);
        if (handoff.ticket_id) await this.deps.tickets.addEvent(handoff.ticket_id, 'handoff.queued', { handoff: handoff.id, reason: request.reason }, this.deps.now().toJSDate());
        return 'queued';
    }

    /** Handles a customer's message while a takeover is live. */
    async customerTurn(context: TurnContext, handoff: HandoffRow, submission: CardSubmission | undefined, language: Language): Promise<CustomerTurnOutcome> {
        await this.deps.store.refreshReference(handoff.id, JSON.stringify(TurnContext.getConversationReference(context.activity)));
        const text = (context.activity.text ?? '').trim();
        const t = translator(language);
        switch (handoff.state) {
            case 'waiting': {
                if (this.expired(handoff)) {
                    await this.leaveQueue(handoff, 'timeout');
                    return 'continue';
                }
                if (wantsOut(text)) {
                    await this.leaveQueue(handoff, 'customer', context);
                    return 'resume';
                }
                if (handoff.hub === 'external') await context.sendActivity(t('handoff.hub'));
                else await context.sendActivity(t('handoff.stillWaiting', { position: await this.deps.store.position(handoff) }));
                return 'handled';
            }
            case 'agent':
                if (wantsOut(text)) {
                    await this.endByCustomer(context, handoff, language);
                    return 'handled';
                }
                await this.relayToAgent(context, handoff);
                return 'handled';
            case 'rating':
            default:
                return this.rate(context, handoff, submission, text, language);
        }
    }

    /** Times out customers who waited too long, empties the queue when the partner closes, and forgets old card buttons. */
    async sweep(): Promise<number> {
        const now = this.deps.now();
        await this.deps.actions.prune(now.toJSDate());
        const closed = !isOpen(this.deps.partner.hours, now);
        const due = closed ? await this.deps.store.waitingSince(now.plus({ minutes: 1 }).toJSDate()) : await this.deps.store.waitingSince(now.minus({ minutes: this.deps.options.waitTimeoutMinutes }).toJSDate());
        let count = 0;
        for (const handoff of due.filter((h) => h.hub === 'builtin')) {
            try {
                if (await this.leaveQueue(handoff, closed ? 'closed-hours' : 'timeout')) count++;
            } catch (error) {
                this.deps.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not time out a waiting customer');
            }
        }
        return count;
    }

    /** An external hub reported the outcome of a handoff (`handoff.status` event). */
    async hubStatus(context: TurnContext, handoff: HandoffRow, state: string, language: Language): Promise<void> {
        if (handoff.hub !== 'external') return;
        const now = this.deps.now().toJSDate();
        if (state === 'completed') {
            await this.deps.store.transition(handoff.id, 'waiting', 'closed', { ended_at: now.toISOString(), ended_by: 'hub', closed_at: now.toISOString() }, now);
        } else if (state === 'failed') {
            await this.deps.store.transition(handoff.id, 'waiting', 'closed', { ended_at: now.toISOString(), ended_by: 'hub-failed', closed_at: now.toISOString() }, now);
            const ticket = handoff.ticket_id ? await this.deps.tickets.findById(handoff.ticket_id) : undefined;
            await context.sendActivity([translator(language)('handoff.hubFailed'), this.ticketLine(ticket, language)].join(' ').trim());
        }
    }

    /** The agents' channel: configured, or saved when an admin added the bot to the team. */
    async agentsChannel(): Promise<Partial<ConversationReference> | undefined> {
        const configured = this.deps.options.agentsChannel;
        if (configured) {
            return {
                channelId: 'msteams',
                serviceUrl: configured.serviceUrl,
                conversation: { id: configured.conversationId, isGroup: true, conversationType: 'channel', tenantId: configured.tenantId, name: '' },
            };
        }
        const saved = await this.deps.settings.get(AGENTS_CHANNEL_SETTING);
        return saved ? (JSON.parse(saved) as Partial<ConversationReference>) : undefined;
    }

    /** The sentence that tells the customer their ticket stands (severity and due time), or how to get one. */
    ticketLine(ticket: TicketRow | undefined, language: Language): string {
        const t = translator(language);
        if (!ticket?.number) return t('handoff.noTicketYet');
        const due = dueSentence(this.deps.partner.hours.timeZone, { dueAt: ticket.due_at ?? undefined, dueBasis: ticket.due_basis ?? undefined, severity: (ticket.severity as Severity | null) ?? undefined, language });
        return ticket.severity ? t('handoff.ticketStandsSeverity', { number: ticket.number, severity: ticket.severity, due }) : t('handoff.ticketStands', { number: ticket.number, due });
    }

    /** Binds a card's buttons to actions the bot stores for this audience (see AgentActionRepository). */
    issuer(audience: ActionAudience): IssueAction {
        return (intent) => this.deps.actions.issue(intent, audience, this.deps.now().toJSDate());
    }

    /** The audience of cards posted in the agents' channel. */
    channelAudience(channel: Partial<ConversationReference>): ActionAudience {
        return { channel: channel.conversation?.id ?? '' };
    }

    /** Sends the request card to the agents' channel (saving its id to update it in place), else to each agent's chat. */
    async notifyAgents(handoff: HandoffRow): Promise<void> {
        const channel = await this.agentsChannel();
        try {
            if (channel) {
                const card = await requestCard(this, handoff, 'waiting', this.issuer(this.channelAudience(channel)));
                const id = await this.deps.messenger.send(channel, [{ type: 'message', attachments: [card.attachment] }], 'skip');
                if (id) await this.deps.store.setNotice(handoff.id, id);
                return;
            }
            await this.toAgentChats((issue) => requestCard(this, handoff, 'waiting', issue));
        } catch (error) {
            this.deps.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not notify the agents; the customer stays in the queue');
        }
    }

    /** Sends a card to each agent's 1:1 chat with the bot (where there is no agents' channel), its buttons issued to that agent. */
    async toAgentChats(render: (issue: IssueAction) => Promise<RenderedCard>): Promise<{ agents: number; sent: number }> {
        const agents = await this.deps.agents.list();
        let sent = 0;
        for (const agent of agents) {
            const chat = await this.deps.agents.chatOf(agent.aadObjectId);
            if (!chat) continue;
            const card = await render(this.issuer({ agent: agent.aadObjectId }));
            await this.deps.messenger.send(chat, [{ type: 'message', attachments: [card.attachment] }], 'skip');
            sent++;
        }
        return { agents: agents.length, sent };
    }

    /** Updates the request card in the agents' channel to the row's current state. */
    async refreshNotice(handoff: HandoffRow): Promise<void> {
        const channel = await this.agentsChannel();
        const current = await this.deps.store.byId(handoff.id);
        if (!channel || !current?.notice_activity_id) return;
        try {
            const card = await requestCard(this, current, current.state, this.issuer(this.channelAudience(channel)));
            await this.deps.messenger.update(channel, current.notice_activity_id, { attachments: [card.attachment] });
        } catch (error) {
            this.deps.logger.warn({ err: { message: (error as Error).message }, handoff: handoff.id }, 'could not update the request card');
        }
    }

    /** Sends the customer activities on the agent's behalf (recorded in the transcript as the agent's). */
    async toCustomer(handoff: HandoffRow, activities: Array<Partial<Activity>>, author: string | null): Promise<void> {
        const reference = JSON.parse(handoff.customer_reference) as Partial<ConversationReference>;
        await this.deps.messenger.send(reference, activities, author ? { role: 'agent', author } : { role: 'bot', author: null });
    }

    /** The rating question after an agent's help. */
    ratingCard(handoff: HandoffRow, language: Language): RenderedCard {
        const t = translator(language);
        return renderQuestionCard({
            prompt: RATING_PROMPT,
            intake: `handoff-${handoff.id}`,
            title: t('handoff.rateTitle'),
            question: t('handoff.rateQuestion', { agent: handoff.agent_name ?? '' }),
            choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), title: t(`handoff.rate${n}`) })),
        });
    }

    /** Takes the customer out of the queue (they left, nobody came in time, or the desk closed) and says what happens next. */
    async leaveQueue(handoff: HandoffRow, by: 'customer' | 'timeout' | 'closed-hours', context?: TurnContext): Promise<boolean> {
        const now = this.deps.now().toJSDate();
        const moved = await this.deps.store.transition(handoff.id, 'waiting', 'closed', { ended_at: now.toISOString(), ended_by: by, closed_at: now.toISOString() }, now);
        if (!moved) return false;
        const language = handoff.language as Language;
        const t = translator(language);
        const ticket = handoff.ticket_id ? await this.deps.tickets.findById(handoff.ticket_id) : undefined;
        const opening = by === 'customer' ? t('handoff.leftQueue') : by === 'timeout' ? t('handoff.timedOut') : t('handoff.outOfHours', { next: this.nextOpening(language) });
        const text = [opening, this.ticketLine(ticket, language)].join(' ');
        if (context) await context.sendActivity(text);
        else await this.toCustomer(handoff, [{ type: 'message', text }], null);
        if (ticket) await this.deps.tickets.addEvent(ticket.id, 'handoff.left-queue', { handoff: handoff.id, by }, now);
        await this.refreshNotice(handoff);
        return true;
    }

    private usesHub(channelId: string): boolean {
        // The handoff event is for Direct Line agent hubs; Teams answers it with 400.
        return channelId !== 'msteams' && this.deps.options.hubChannels.has(channelId);
    }

    private async startExternal(context: TurnContext, base: Omit<Parameters<HandoffStore['enqueue']>[0], 'hub'>, request: StartRequest): Promise<StartResult> {
        const { handoff, created } = await this.deps.store.enqueue({ ...base, hub: 'external' }, this.deps.now().toJSDate());
        if (created) {
            const entries = await this.deps.transcript.recent(handoff.conversation_id, 50);
            const transcript: Transcript = {
                activities: entries.map((e) => ({ type: 'message', text: e.text_redacted, timestamp: new Date(e.created_at), from: { id: e.role, name: e.role, role: e.role === 'customer' ? 'user' : 'bot' } }) as Activity),
            };
            const handoffContext = { reason: request.reason, language: request.language, ticketNumber: request.ticket?.number ?? null, severity: request.ticket?.severity ?? null, product: request.ticket?.product ?? null, category: request.ticket?.category ?? null };
            await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, transcript));
        }
        await context.sendActivity(translator(request.language)('handoff.hub'));
        return created ? 'hub' : 'already';
    }

    private expired(handoff: HandoffRow): boolean {
        const waited = this.deps.now().toMillis() - Date.parse(handoff.enqueued_at);
        return handoff.hub === 'builtin' && (waited > this.deps.options.waitTimeoutMinutes * 60_000 || !isOpen(this.deps.partner.hours, this.deps.now()));
    }

    /** Minutes to wait, from how long recent customers waited; undefined with too little history. */
    private async estimateMinutes(position: number): Promise<number | undefined> {
        const waits = (await this.deps.store.recentWaits(20)).filter((w) => w >= 0).sort((a, b) => a - b);
        if (waits.length < 3) return undefined;
        const median = waits[Math.floor(waits.length / 2)] as number;
        return Math.max(1, Math.min(this.deps.options.waitTimeoutMinutes, Math.ceil((median * position) / 60_000)));
    }

    private nextOpening(language: Language): string {
        const next = nextOpenInstant(this.deps.partner.hours, this.deps.now());
        return formatDueAt(next.toUTC().toISO() as string, this.deps.partner.hours.timeZone, language);
    }

    private async relayToAgent(context: TurnContext, handoff: HandoffRow): Promise<void> {
        const chat = handoff.agent_aad_object_id ? await this.deps.agents.chatOf(handoff.agent_aad_object_id) : undefined;
        if (!chat) {
            this.deps.logger.warn({ handoff: handoff.id }, 'agent chat unknown; customer message kept in the transcript only');
            return;
        }
        const who = handoff.customer_name ?? 'Customer';
        const { notes, attachments } = customerContentForAgent(context.activity);
        const said = context.activity.text ? [`**${who}:** ${context.activity.text}`] : attachments.length ? [`**${who}** sent ${attachments.length} attachment(s).`] : [`**${who}:**`];
        const text = [...said, ...notes].join('\n\n');
        // Never a card from the customer, nor suggested actions: the bot posts this into the agent's chat.
        await this.deps.messenger.send(chat, [{ type: 'message', text, attachments, textFormat: 'markdown' }], 'skip');
    }

    private async endByCustomer(context: TurnContext, handoff: HandoffRow, language: Language): Promise<void> {
        const now = this.deps.now().toJSDate();
        if (!(await this.deps.store.transition(handoff.id, 'agent', 'rating', { ended_at: now.toISOString(), ended_by: 'customer' }, now))) return;
        const t = translator(language);
        await context.sendActivity(t('handoff.customerEnded', { agent: handoff.agent_name ?? '' }));
        const rating = this.ratingCard(handoff, language);
        await context.sendActivity({ type: 'message', attachments: [rating.attachment] });
        const chat = handoff.agent_aad_object_id ? await this.deps.agents.chatOf(handoff.agent_aad_object_id) : undefined;
        if (chat) await this.deps.messenger.send(chat, [{ type: 'message', text: `${handoff.customer_name ?? 'The customer'} ended the chat (#${handoff.id}). You're free for the next customer.` }], 'skip');
        if (handoff.ticket_id) await this.deps.tickets.addEvent(handoff.ticket_id, 'handoff.ended', { handoff: handoff.id, by: 'customer' }, now);
        await this.refreshNotice(handoff);
    }

    private async rate(context: TurnContext, handoff: HandoffRow, submission: CardSubmission | undefined, text: string, language: Language): Promise<CustomerTurnOutcome> {
        const now = this.deps.now().toJSDate();
        const clicked = submission?.prompt === RATING_PROMPT && submission.intake === `handoff-${handoff.id}` ? submission.choice : undefined;
        const typed = /^([1-5])(\s*(\/\s*5|stars?|estrellas?|estrelas?|звезд\S*))?$/i.exec(text)?.[1];
        const value = Number(clicked ?? typed);
        if (!(value >= 1 && value <= 5)) {
            await this.deps.store.transition(handoff.id, 'rating', 'closed', { closed_at: now.toISOString() }, now);
            return 'continue-fresh';
        }
        if (!(await this.deps.store.transition(handoff.id, 'rating', 'closed', { closed_at: now.toISOString(), rating: value }, now))) return 'handled';
        if (handoff.ticket_id) await this.deps.tickets.setRating(handoff.ticket_id, value, now);
        context.turnState.set(TRANSCRIPT_ROLE, { role: 'bot', author: null });
        await context.sendActivity(translator(language)('handoff.rated'));
        return 'handled';
    }
}
