/** Polls `condition` until it holds; throws after `timeoutMs` (a guard against hanging, not a timing assertion). */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`waitUntil(): condition never held within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
    }
}
