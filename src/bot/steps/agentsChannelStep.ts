import type { Handoffs } from '../../handoff/handoffs';
import { markTranscript } from '../../transcript/transcriptMarks';
import { deskTranslator } from '../../i18n/i18n';
import type { MessageStep } from './messageStep';

/** In the agents' Teams channel nobody is a customer: anyone who is not an agent is told what the channel is for. */
export function agentsChannelStep(handoff: Handoffs | undefined): MessageStep {
    return {
        name: 'agents channel',
        async handle(turn) {
            if (!handoff?.isAgentsChannel(turn.context.activity)) return 'next';
            markTranscript(turn.context, 'skip');
            await turn.context.sendActivity(deskTranslator()('channelIsForAgents'));
            return 'handled';
        },
    };
}
