/** Polls `condition` until it holds; throws after `timeoutMs` (a guard against hanging, not a timing assertion). */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`waitUntil(): condition never held within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
    }
}

/** Polls `probe` until it returns a value, and returns it; throws after `timeoutMs`. */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`until(): condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
