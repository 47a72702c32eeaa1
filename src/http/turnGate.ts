/** Thrown by TurnGate.run() when the queue is full: the caller answers 503 with Retry-After. */
export class ServerBusyError extends Error {
    constructor() {
        super('TurnGate.run(): too many turns waiting');
        this.name = 'ServerBusyError';
    }
}

/**
 * Admission control for turns: at most `maxActive` run at once, the rest wait in arrival order
 * (up to `maxQueued`, beyond which callers are refused). Under overload this keeps the event
 * loop's rounds short, so new connections are still accepted promptly and every turn waits its
 * turn, instead of a few turns waiting tens of seconds while others run.
 */
export class TurnGate {
    private active = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(
        private readonly maxActive: number,
        private readonly maxQueued: number,
    ) {}

    /** Turns running and waiting now. */
    get load(): { active: number; queued: number } {
        return { active: this.active, queued: this.waiting.length };
    }

    /** Runs `work` when a slot is free; throws ServerBusyError at once when the queue is full. */
    async run<T>(work: () => Promise<T>): Promise<T> {
        if (this.active >= this.maxActive) {
            if (this.waiting.length >= this.maxQueued) throw new ServerBusyError();
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else {
            this.active++;
        }
        try {
            return await work();
        } finally {
            const next = this.waiting.shift();
            // The slot passes straight to the next caller, so `active` only drops when none waits.
            if (next) next();
            else this.active--;
        }
    }
}
