import type { Handoffs } from '../../handoff/handoffs';
import { markTranscript } from '../../transcript/transcriptMarks';
import type { MessageStep } from './messageStep';

/** A message from one of the partner's agents (as Teams vouches for them) goes to the agents' desk. */
export function agentDeskStep(handoff: Handoffs | undefined): MessageStep {
    return {
        name: 'agent desk',
        async handle(turn) {
            const agent = await handoff?.agentOf(turn.context.activity);
            if (!handoff || !agent) return 'next';
            markTranscript(turn.context, 'skip');
            await handoff.onAgentMessage(turn.context, agent);
            return 'handled';
        },
    };
}
