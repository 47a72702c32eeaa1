import type { Handoffs } from '../../handoff/handoffs';
import type { MessageStep } from './messageStep';

/**
 * While a takeover is live, the customer's messages go to the queue, the agent or the rating.
 * Leaving the queue resumes the conversation where it was; after an agent's help it starts afresh.
 */
export function liveHandoffStep(handoff: Handoffs | undefined): MessageStep {
    return {
        name: 'live takeover',
        async handle(turn) {
            const live = await handoff?.liveIn(turn.context.activity.conversation.id);
            if (!handoff || !live) return 'next';
            const submission = turn.submission === 'invalid' ? undefined : turn.submission;
            const outcome = await handoff.customerTurn(turn.context, live, submission, await turn.language());
            if (outcome === 'handled') return 'handled';
            const dc = await turn.dialogs();
            if (outcome === 'resume') {
                if (dc.activeDialog) {
                    await turn.context.sendActivity((await turn.t())('handoff.resume'));
                    await dc.repromptDialog();
                }
                return 'handled';
            }
            if (outcome === 'continue-fresh') await dc.cancelAllDialogs();
            return 'next';
        },
    };
}
