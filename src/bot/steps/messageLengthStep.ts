import type { MessageStep } from './messageStep';

/** Longer than the bot reads: a polite "too long", in the customer's language. */
export function messageLengthStep(maxChars: number): MessageStep {
    return {
        name: 'message length',
        async handle(turn) {
            if (turn.text.length <= maxChars) return 'next';
            await turn.context.sendActivity((await turn.t())('error.tooLong', { count: turn.text.length, max: maxChars }));
            return 'handled';
        },
    };
}
