import type { MessageStep } from './messageStep';

/** Nothing to read (no text, no click). */
export function emptyMessageStep(): MessageStep {
    return {
        name: 'empty message',
        async handle(turn) {
            if (turn.submission || turn.text) return 'next';
            await turn.context.sendActivity((await turn.t())('error.empty'));
            return 'handled';
        },
    };
}
