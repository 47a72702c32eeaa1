import type { Logger } from '../logger';

/** Why the database cannot take turns: a short reason for the probes, the cause for the log. */
export interface DatabaseFault {
    reason: string;
    error?: Error;
}

export interface FaultWatchOptions {
    /** Names the database in the log (its file, or PostgreSQL). */
    database: string;
    logger?: Logger;
    /** How long an answer is reused, so that probes stay cheap however often they come. */
    cacheMs?: number;
    /** How often the watch checks by itself, so that a fault is logged even with no probe asking. */
    intervalMs?: number;
    /** Shortest time between two ERROR lines about the same lasting fault. */
    repeatLogMs?: number;
}

/**
 * Asks whether the database can take turns, caching the answer briefly, and makes a fault
 * hard to miss: an ERROR line when it appears and again once a minute while it lasts, an
 * INFO line when it clears.
 */
export class FaultWatch {
    private checked?: { at: number; fault?: DatabaseFault };
    private running?: Promise<DatabaseFault | undefined>;
    private logged?: { at: number; reason: string };
    private readonly timer: NodeJS.Timeout;

    constructor(
        private readonly check: () => Promise<DatabaseFault | undefined>,
        private readonly options: FaultWatchOptions,
    ) {
        this.timer = setInterval(() => void this.current(), options.intervalMs ?? 15_000);
        this.timer.unref();
    }

    /** The fault, if any, as found at most `cacheMs` ago. */
    current(): Promise<DatabaseFault | undefined> {
        if (this.checked && performance.now() - this.checked.at < (this.options.cacheMs ?? 1500)) return Promise.resolve(this.checked.fault);
        this.running ??= this.check()
            .catch((error: unknown) => ({ reason: 'the database check failed', error: error instanceof Error ? error : new Error(String(error)) }))
            .then((fault) => {
                this.running = undefined;
                this.checked = { at: performance.now(), fault };
                this.report(fault);
                return fault;
            });
        return this.running;
    }

    /** Ends the periodic check (the database is closing). */
    stop(): void {
        clearInterval(this.timer);
    }

    private report(fault: DatabaseFault | undefined): void {
        const { logger, database } = this.options;
        if (!fault) {
            if (this.logged) logger?.info({ database }, 'database takes turns again');
            this.logged = undefined;
            return;
        }
        const now = performance.now();
        if (this.logged?.reason === fault.reason && now - this.logged.at < (this.options.repeatLogMs ?? 60_000)) return;
        this.logged = { at: now, reason: fault.reason };
        const cause = fault.error as (Error & { code?: unknown }) | undefined;
        logger?.error({ database, reason: fault.reason, ...(cause ? { err: { message: cause.message, code: cause.code } } : {}) }, 'database cannot take turns');
    }
}
