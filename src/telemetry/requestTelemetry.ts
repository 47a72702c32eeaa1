import { trace, type Span } from '@opentelemetry/api';

const spans = new WeakMap<object, Span>();

/**
 * Remembers the request's server span (started by the http instrumentation) while it is the
 * active one: restify's pre-handlers run inside it.
 */
export function rememberRequestSpan(request: object): void {
    const span = trace.getActiveSpan();
    if (span) spans.set(request, span);
}

/**
 * Names the request's span by its route template once restify has routed it ("POST
 * /api/messages", never the URL with its ids), which is how Application Insights groups requests.
 */
export function nameRequestSpan(request: object, method: string, route: string | undefined): void {
    const span = spans.get(request);
    if (!span || !route) return;
    span.setAttribute('http.route', route);
    span.updateName(`${method} ${route}`);
}
