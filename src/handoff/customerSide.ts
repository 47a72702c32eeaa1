import { TurnContext } from 'botbuilder';
import type { CardSubmission } from '../../cards';
import { translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import { detectInterruption, isLeaveRequest } from '../understanding/intents';
import type { AgentHub } from './agentHub';
import type { CustomerQueue } from './customerQueue';
import type { HandoffContext } from './handoffContext';
import type { CustomerTurnOutcome, Handoff, StartRequest, StartResult } from './handoffTypes';
import type { Rating } from './rating';
import type { Relay } from './relay';

/**
 * The customer's side of a takeover: asking for a person (queue or agent hub), and every
 * message while one is live (waiting, with an agent, rating). Agents work the other side
 * (AgentDesk); both share the database rows, so any instance can serve any turn.
 */
/** The bot's cancel commands, or words for leaving a queue or a chat ("leave", "salir", "выйти"). */
function wantsToLeave(text: string): boolean {
    return detectInterruption(text) === 'cancel' || isLeaveRequest(text);
}

export class CustomerSide {
    constructor(
        private readonly ctx: HandoffContext,
        private readonly queue: CustomerQueue,
        private readonly hub: AgentHub,
        private readonly relay: Relay,
        private readonly rating: Rating,
    ) {}

    /** True when a person could be brought in for a customer on this channel right now. */
    async canStart(channelId: string): Promise<boolean> {
        return this.hub.serves(channelId) || (await this.queue.availability()) === 'open';
    }

    /** Puts the customer in touch with a person (queue or external hub) and tells them so. */
    async start(context: TurnContext, request: StartRequest): Promise<StartResult> {
        const { activity } = context;
        const base = {
            conversationId: activity.conversation.id,
            channelId: activity.channelId,
            reason: request.reason,
            language: request.language,
            customerName: request.customerName ?? null,
            customerOrganisation: request.organisation ?? request.ticket?.customerOrganisation ?? null,
            ticketId: request.ticket?.id ?? null,
            summary: (request.summary ?? request.ticket?.title ?? '').slice(0, 500) || null,
            customerReference: JSON.stringify(TurnContext.getConversationReference(activity)),
        };
        return this.hub.serves(activity.channelId) ? this.hub.start(context, base, request) : this.queue.join(context, base, request);
    }

    /** Handles a customer's message while a takeover is live. */
    async turn(context: TurnContext, handoff: Handoff, submission: CardSubmission | undefined, language: Language): Promise<CustomerTurnOutcome> {
        await this.ctx.handoffs.refreshReference(handoff.id, JSON.stringify(TurnContext.getConversationReference(context.activity)));
        const text = (context.activity.text ?? '').trim();
        switch (handoff.state) {
            case 'waiting':
                if (this.queue.expired(handoff)) {
                    await this.queue.leave(handoff, 'timeout');
                    return 'continue';
                }
                if (wantsToLeave(text)) {
                    await this.queue.leave(handoff, 'customer', context);
                    return 'resume';
                }
                await context.sendActivity(handoff.hub === 'external' ? translator(language)('handoff.hub') : translator(language)('handoff.stillWaiting', { position: await this.queue.position(handoff) }));
                return 'handled';
            case 'agent':
                if (wantsToLeave(text)) await this.rating.endByCustomer(context, handoff, language);
                else await this.relay.toAgent(context, handoff);
                return 'handled';
            case 'rating':
            default:
                return this.rating.rate(context, handoff, submission, text, language);
        }
    }
}
