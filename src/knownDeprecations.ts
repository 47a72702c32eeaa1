/**
 * Drops the one deprecation warning every start used to print, and nothing else.
 *
 * restify 11 loads spdy (HTTP/2 over TLS, which this bot never uses) when it is required, and
 * spdy's http-deceiver reads `process.binding('http_parser')`, which Node deprecates as DEP0111.
 * No released restify drops spdy, and nothing the bot runs goes through that code, so the
 * warning only tells the operator something they cannot act on. Other deprecations, and DEP0111
 * for any other binding, still print. Imported first by `src/index.ts`, before restify loads.
 */
const emitWarning = process.emitWarning.bind(process);

/** Whether a warning is spdy's DEP0111 for the HTTP parser binding. */
export function isKnownDeprecation(warning: string | Error, typeOrOptions?: unknown, code?: unknown): boolean {
    const optionsCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : undefined;
    const warningCode = warning instanceof Error ? (warning as Error & { code?: unknown }).code : (optionsCode ?? code);
    const text = warning instanceof Error ? warning.message : warning;
    return warningCode === 'DEP0111' && text.includes("process.binding('http_parser')");
}

process.emitWarning = function emitKnownWarnings(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]): void {
    if (isKnownDeprecation(warning, rest[0], rest[1])) return;
    (emitWarning as (warning: string | Error, ...args: unknown[]) => void)(warning, ...rest);
} as typeof process.emitWarning;
