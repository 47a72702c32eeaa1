import type { Span } from '@opentelemetry/api';

/** The span attributes in which the http and undici instrumentations record URLs and paths. */
const URL_ATTRIBUTES = ['url.full', 'http.url', 'url.path', 'http.target'] as const;

/**
 * A path segment that may identify someone or something: it holds a digit (but is no API
 * version like `v3` or `v2.1`), an `@`, `:` or `%`, or is long (conversation and activity ids,
 * ticket numbers, tokens). Route words are kept.
 */
const ID_SEGMENT = /^(?!v\d+(\.\d+)?$)(?=.*[\d@:%])|^.{25,}$/;

/**
 * A URL or path with its query dropped and its identifying segments replaced by `:id`:
 * `/v3/conversations/a:1B2c/activities/17` → `/v3/conversations/:id/activities/:id`. Bot
 * Connector and Direct Line paths carry conversation ids, which the logs never show either.
 */
export function scrubUrl(value: string): string {
    const absolute = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(value);
    const origin = absolute?.[1] ?? '';
    const path = (absolute?.[2] ?? value).replace(/[?#].*$/, '');
    return origin + path.split('/').map((segment) => (segment && ID_SEGMENT.test(segment) ? ':id' : segment)).join('/');
}

/**
 * A span processor (structurally `SpanProcessor` of the OpenTelemetry SDK) that scrubs URLs as
 * spans start, before anything is exported.
 */
export const urlScrubbingProcessor = {
    onStart(span: Span & { attributes?: Record<string, unknown> }): void {
        for (const key of URL_ATTRIBUTES) {
            const value = span.attributes?.[key];
            if (typeof value === 'string') span.setAttribute(key, scrubUrl(value));
        }
    },
    onEnd(): void {},
    forceFlush: async (): Promise<void> => undefined,
    shutdown: async (): Promise<void> => undefined,
};
