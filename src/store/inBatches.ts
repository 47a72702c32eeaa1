/** One piece of work in a batch, and how to tell its caller the outcome. */
export interface Pending<T, R> {
    work: T;
    resolve: (result: R) => void;
    reject: (err: unknown) => void;
}

/**
 * Work asked for at the same moment, done together: each call adds its work and waits; once the
 * current burst is over (`schedule`: process.nextTick for work that is only gathered within one
 * chain of promises, setImmediate to gather across the turns of one pass of the event loop),
 * `run` gets every piece added since it last ran, and settles each. If `run` itself fails,
 * every piece it left unsettled fails with it.
 */
export function inBatches<T, R>(run: (batch: Array<Pending<T, R>>) => Promise<void>, schedule: (callback: () => void) => void): (work: T) => Promise<R> {
    let waiting: Array<Pending<T, R>> = [];
    const flush = (): void => {
        const batch = waiting;
        waiting = [];
        run(batch).catch((err: unknown) => {
            for (const pending of batch) pending.reject(err);
        });
    };
    return (work) =>
        new Promise<R>((resolve, reject) => {
            waiting.push({ work, resolve, reject });
            if (waiting.length === 1) schedule(flush);
        });
}
