import type { MessageStep } from './messageStep';
import type { BotServices } from '../botServices';
import { showUnseenNotices } from '../ticketNotices';

/**
 * News about the customer's tickets they have not seen (an agent's reply, a question, a
 * resolution) shown before anything else on their next message, then the message goes on.
 */
export function ticketNoticesStep(services: BotServices): MessageStep {
    return {
        name: 'ticket notices',
        async handle(turn) {
            await showUnseenNotices(turn.context, services);
            return 'next';
        },
    };
}
