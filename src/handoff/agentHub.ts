import { EventFactory, type Activity, type Transcript, type TurnContext } from 'botbuilder';
import { translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import type { CustomerQueue } from './customerQueue';
import type { HandoffContext } from './handoffContext';
import type { NewHandoff } from './handoffRepository';
import type { Handoff, StartRequest, StartResult } from './handoffTypes';

/**
 * An external agent hub on a Direct Line channel: the standard `handoff.initiate` event with
 * the redacted transcript, and the hub's `handoff.status` events back. Never Teams (it answers
 * the handoff event with 400).
 */
export class AgentHub {
    constructor(
        private readonly ctx: HandoffContext,
        private readonly queue: CustomerQueue,
    ) {}

    /** True when customers of this channel go to the external hub. */
    serves(channelId: string): boolean {
        return channelId !== 'msteams' && this.ctx.options.hubChannels.has(channelId);
    }

    async start(context: TurnContext, base: Omit<NewHandoff, 'hub'>, request: StartRequest): Promise<StartResult> {
        const { handoff, created } = await this.ctx.handoffs.enqueue({ ...base, hub: 'external' }, this.ctx.now().toJSDate());
        if (created) {
            const entries = await this.ctx.transcript.recent(handoff.conversationId, 50);
            const transcript: Transcript = {
                activities: entries.map((e) => ({ type: 'message', text: e.textRedacted, timestamp: new Date(e.createdAt), from: { id: e.role, name: e.role, role: e.role === 'customer' ? 'user' : 'bot' } }) as Activity),
            };
            const handoffContext = { reason: request.reason, language: request.language, ticketNumber: request.ticket?.number ?? null, severity: request.ticket?.severity ?? null, product: request.ticket?.product ?? null, category: request.ticket?.category ?? null };
            await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, transcript));
        }
        await context.sendActivity(translator(request.language)('handoff.hub'));
        return created ? 'hub' : 'already';
    }

    /** The hub reports the outcome of a handoff (`handoff.status` event). */
    async status(context: TurnContext, handoff: Handoff, state: string, language: Language): Promise<void> {
        if (handoff.hub !== 'external') return;
        const now = this.ctx.now().toJSDate();
        if (state === 'completed') {
            await this.ctx.handoffs.transition(handoff.id, 'waiting', 'closed', { endedAt: now, endedBy: 'hub', closedAt: now }, now);
        } else if (state === 'failed') {
            await this.ctx.handoffs.transition(handoff.id, 'waiting', 'closed', { endedAt: now, endedBy: 'hub-failed', closedAt: now }, now);
            const ticket = handoff.ticketId ? await this.ctx.tickets.findById(handoff.ticketId) : undefined;
            await context.sendActivity([translator(language)('handoff.hubFailed'), this.queue.ticketLine(ticket, language)].join(' ').trim());
        }
    }
}
