import { ActivityTypes, type Activity, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';

type Held = { kind: 'send'; activities: Array<Partial<Activity>> } | { kind: 'update'; activity: Partial<Activity> };

const KEY = Symbol('heldReplies');

/**
 * Holds back what a turn says (messages, card updates) until its state is saved, so an
 * attempt that loses an eTag race, or fails half-way, has said nothing: the turn can be
 * run again, or apologise, without the customer seeing replies to a step that never
 * happened. Nothing in the bot uses the ids of sent activities, so held sends answer with
 * empty ids. Invoke responses always pass (the channel waits for them), and so does typing.
 */
export class HeldReplies {
    private holding = false;
    private held: Held[] = [];

    private constructor(private readonly context: TurnContext) {
        context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
            // Typing promises nothing a discarded attempt could contradict, and is only worth anything at once.
            if (!this.holding || activities.some((a) => a.type === ActivityTypes.InvokeResponse) || activities.every((a) => a.type === ActivityTypes.Typing)) return next();
            this.held.push({ kind: 'send', activities });
            return activities.map(() => ({ id: '' }));
        });
        context.onUpdateActivity(async (_ctx, activity, next): Promise<void> => {
            if (!this.holding) return next();
            this.held.push({ kind: 'update', activity });
        });
    }

    /**
     * The turn's instance, created on first use. Its send handler must come before any
     * other (a transcript must record only what was really said): see `holdRepliesFirst`.
     */
    static of(context: TurnContext): HeldReplies {
        let replies = context.turnState.get(KEY) as HeldReplies | undefined;
        if (!replies) {
            replies = new HeldReplies(context);
            context.turnState.set(KEY, replies);
        }
        return replies;
    }

    /** Starts holding (again), forgetting anything held before. */
    hold(): void {
        this.held = [];
        this.holding = true;
    }

    /** Forgets what was held; later replies go straight out (an apology, say). */
    drop(): void {
        this.held = [];
        this.holding = false;
    }

    /** Sends what was held, in order, through the other handlers (transcript) and the adapter. */
    async release(): Promise<void> {
        const held = this.held;
        this.drop();
        for (const item of held) {
            if (item.kind === 'send') await this.context.sendActivities(item.activities);
            else await this.update(item.activity);
        }
    }

    private async update(activity: Partial<Activity>): Promise<void> {
        try {
            await this.context.updateActivity(activity);
        } catch {
            // A channel that cannot update messages keeps the old card (as cardPrompt does).
        }
    }
}

/** Middleware to register before any other, so held replies are invisible to the rest until released. */
export const holdRepliesFirst: Middleware = {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        HeldReplies.of(context);
        await next();
    },
};
