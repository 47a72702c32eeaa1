import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnContext } from 'botbuilder';
import { ETagConflictError } from '../store/sqlStorage';
import { HeldReplies } from './heldReplies';
import type { TurnStates } from './turnStates';

/**
 * Runs a turn so that it never loses another turn's state, on this or another instance: the
 * state is read afresh, the turn runs with its replies held back, and the state is saved only
 * if no other turn on the conversation saved first (eTags); then the replies go out. A turn
 * that lost the race runs again on the fresh state; after `maxAttempts` `onBusy` tells the
 * customer to send the message again.
 */
export class ConsistentTurn {
    constructor(
        private readonly states: TurnStates,
        private readonly maxAttempts = 3,
    ) {}

    async run(context: TurnContext, logic: () => Promise<void>, onBusy: () => Promise<void>): Promise<void> {
        const replies = HeldReplies.of(context);
        try {
            for (let attempt = 1; ; attempt++) {
                replies.hold();
                const loaded = await this.states.load(context);
                await logic();
                try {
                    await this.states.commit(context, loaded);
                } catch (err) {
                    if (!(err instanceof ETagConflictError)) throw err;
                    replies.drop();
                    if (attempt >= this.maxAttempts) return await onBusy();
                    // Spread the retries of turns that collided, so they do not collide again.
                    await sleep(10 + Math.floor(Math.random() * 40 * attempt));
                    continue;
                }
                return await replies.release();
            }
        } finally {
            // A failed attempt has said nothing; the error handler's apology goes straight out.
            replies.drop();
        }
    }
}
