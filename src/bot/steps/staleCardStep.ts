import { isOpenStatus } from '../../policy/ticketLifecycle';
import type { BotServices } from '../botServices';
import type { MessageStep } from './messageStep';

/**
 * A click on a card of an intake that is no longer running (an old card): it must not act
 * twice. If that intake opened a ticket, the customer is reminded of its number.
 */
export function staleCardStep(services: BotServices): MessageStep {
    return {
        name: 'stale card',
        async handle(turn) {
            const { submission, context } = turn;
            if (!submission || submission === 'invalid') return 'next';
            const session = await services.session.get(context, {});
            const running = session.intakeId === submission.intake && (await turn.dialogs()).stack.length > 0;
            if (running) return 'next';
            // The intake id comes from the card, which the sender controls: only this conversation's own ticket is named.
            const found = await services.tickets.findByIdempotencyKey(submission.intake);
            const ticket = found?.conversationId === context.activity.conversation.id && found.channelId === context.activity.channelId ? found : undefined;
            const t = await turn.t();
            await context.sendActivity(ticket && isOpenStatus(ticket.status) ? t('escalation.alreadyCreated', { number: ticket.number }) : t('error.oldCard'));
            return 'handled';
        },
    };
}
