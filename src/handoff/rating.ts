import type { TurnContext } from 'botbuilder';
import { renderQuestionCard, type CardSubmission, type RenderedCard } from '../../cards';
import { deskTranslator, translator } from '../i18n/i18n';
import type { Language } from '../policy/types';
import { markTranscript } from '../transcript/transcriptMarks';
import { parseTypedRating } from '../understanding/answers';
import type { AgentsChannel } from './agentsChannel';
import type { HandoffContext } from './handoffContext';
import type { CustomerTurnOutcome, Handoff } from './handoffTypes';
import type { Relay } from './relay';

export const RATING_PROMPT = 'handoff-rating';

/** The end of an agent's chat, by the customer, and the customer's 1-5 rating of the help. */
export class Rating {
    constructor(
        private readonly ctx: HandoffContext,
        private readonly relay: Relay,
        private readonly channel: AgentsChannel,
    ) {}

    /** The rating question after an agent's help. */
    card(handoff: Handoff, language: Language): RenderedCard {
        const t = translator(language);
        return renderQuestionCard({
            prompt: RATING_PROMPT,
            intake: `handoff-${handoff.id}`,
            title: t('handoff.rateTitle'),
            question: t('handoff.rateQuestion', { agent: handoff.agentName ?? '' }),
            choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), title: t(`handoff.rate${n}`) })),
        });
    }

    /** The customer ends the chat: they are asked to rate it, and the agent is told they are free. */
    async endByCustomer(context: TurnContext, handoff: Handoff, language: Language): Promise<void> {
        const now = this.ctx.now().toJSDate();
        if (!(await this.ctx.handoffs.transition(handoff.id, 'agent', 'rating', { endedAt: now, endedBy: 'customer' }, now))) return;
        await context.sendActivity(translator(language)('handoff.customerEnded', { agent: handoff.agentName ?? '' }));
        await context.sendActivity({ type: 'message', attachments: [this.card(handoff, language).attachment] });
        await this.relay.tellAgent(handoff, deskTranslator()('customerEnded', { customer: handoff.customerName ?? deskTranslator()('someone.TheCustomer'), id: handoff.id }));
        if (handoff.ticketId) await this.ctx.tickets.addEvent(handoff.ticketId, 'handoff.ended', { handoff: handoff.id, by: 'customer' }, now);
        await this.channel.refreshWaiting(handoff);
    }

    /** A click or a typed 1-5 stores the rating; anything else skips it and the conversation starts afresh. */
    async rate(context: TurnContext, handoff: Handoff, submission: CardSubmission | undefined, text: string, language: Language): Promise<CustomerTurnOutcome> {
        const now = this.ctx.now().toJSDate();
        const clicked = submission?.prompt === RATING_PROMPT && submission.intake === `handoff-${handoff.id}` ? Number(submission.choice) : undefined;
        const value = clicked ?? parseTypedRating(text.trim());
        if (value === undefined || !(value >= 1 && value <= 5)) {
            await this.ctx.handoffs.transition(handoff.id, 'rating', 'closed', { closedAt: now }, now);
            return 'continue-fresh';
        }
        if (!(await this.ctx.handoffs.transition(handoff.id, 'rating', 'closed', { closedAt: now, rating: value }, now))) return 'handled';
        if (handoff.ticketId) await this.ctx.tickets.setRating(handoff.ticketId, value, now);
        markTranscript(context, { role: 'bot', author: null });
        await context.sendActivity(translator(language)('handoff.rated'));
        return 'handled';
    }
}
