import type { Middleware, TurnContext } from 'botbuilder';
import { instruments, inSpan } from './instruments';

/**
 * Botbuilder middleware that traces each turn (a span `bot.turn <activity type>` under the
 * HTTP request's span, so the Bot Connector calls and database statements of the turn nest in
 * it) and counts turns and their duration. Only the activity type and channel are recorded:
 * no ids, names or text.
 */
export const turnTelemetry: Middleware = {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const attributes = { 'bot.activity.type': context.activity.type ?? 'unknown', 'bot.channel': context.activity.channelId ?? 'unknown' };
        const started = performance.now();
        let outcome = 'error';
        try {
            await inSpan(`bot.turn ${attributes['bot.activity.type']}`, attributes, async () => {
                await next();
            });
            outcome = 'ok';
        } finally {
            const { turns, turnDuration } = instruments();
            turns.add(1, { ...attributes, 'bot.turn.outcome': outcome });
            turnDuration.record((performance.now() - started) / 1000, { ...attributes, 'bot.turn.outcome': outcome });
        }
    },
};
