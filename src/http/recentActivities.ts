/**
 * Activity ids the bot has recently taken, per conversation, so that a channel's retry of an
 * activity (it did not see our answer in time) does not run the turn twice: no second reply,
 * no second ticket. Bounded: the last `perConversation` ids of the `maxConversations` most
 * recently active conversations.
 *
 * The memory is in-process. With several instances on one database, a retry that reaches
 * another instance runs again there; channels usually retry to the same instance, and the
 * dialogs' own guards (a ticket is opened once per intake) still hold.
 */
export class RecentActivityIds {
    /** Least recently active conversation first. */
    private readonly conversations = new Map<string, string[]>();

    constructor(
        private readonly perConversation = 100,
        private readonly maxConversations = 10_000,
    ) {}

    /** Records `activityId` for `conversationKey`; false when it was already recorded (a replay). */
    claim(conversationKey: string, activityId: string): boolean {
        const ids = this.conversations.get(conversationKey) ?? [];
        if (ids.includes(activityId)) return false;
        ids.push(activityId);
        if (ids.length > this.perConversation) ids.shift();
        this.conversations.delete(conversationKey);
        this.conversations.set(conversationKey, ids);
        const oldest = this.conversations.keys().next();
        if (this.conversations.size > this.maxConversations && !oldest.done) this.conversations.delete(oldest.value);
        return true;
    }

    /** Forgets `activityId` (its turn did not run or failed), so that a retry runs it. */
    release(conversationKey: string, activityId: string): void {
        const ids = this.conversations.get(conversationKey);
        const index = ids?.indexOf(activityId) ?? -1;
        if (ids && index >= 0) ids.splice(index, 1);
    }
}
