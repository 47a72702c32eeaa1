import type { MessageStep } from './messageStep';

/** A card payload that is not one of the bot's cards. */
export function unknownCardStep(): MessageStep {
    return {
        name: 'unknown card',
        async handle(turn) {
            if (turn.submission !== 'invalid') return 'next';
            await turn.context.sendActivity((await turn.t())('error.unknownCard'));
            return 'handled';
        },
    };
}
