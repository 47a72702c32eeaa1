import { createHash } from 'node:crypto';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one logger: JSON lines on stdout, with an ISO time and a severity name that Azure Monitor
 * (Container Apps / App Service console logs in Log Analytics, Application Insights traces)
 * reads as they are. Personal data (names, e-mails, message text) is never logged at info
 * level; the redact list is a safety net for fields that slip through. A line written while a
 * span is active (a request, a turn, an outbox delivery) carries its `trace_id` and `span_id`,
 * the operation id Application Insights shows, so the log and the trace find each other.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
    return pino(
        {
            level,
            base: { service: 'csp-support-bot' },
            mixin: traceFields,
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label, number) => ({ level: number, severity: label.toUpperCase() }) },
            redact: {
                // People's names by the fields that carry them ('*.name' would also hide err.name).
                paths: ['text', '*.text', 'email', '*.email', 'customerEmail', '*.customerEmail', 'name', 'customerName', '*.customerName', 'from.name', 'customer.name', 'agent.name', 'profile.name', 'user.name', 'authorization', '*.authorization', 'password', '*.password'],
                censor: '[redacted]',
            },
        },
        destination,
    );
}

/** The active span's ids, in OpenTelemetry's log field names; nothing outside a span or without telemetry. */
function traceFields(): Record<string, string> {
    const context = trace.getActiveSpan()?.spanContext();
    return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

/** A stable, non-reversible reference to a conversation for logs (ids can identify people). */
export function conversationRef(conversationId: string | undefined): string {
    return createHash('sha256').update(conversationId ?? '').digest('hex').slice(0, 12);
}

/**
 * An error's text with what may identify a conversation or repeat what a customer typed taken
 * out: URLs keep only their origin (connector paths carry conversation ids), and the SDK
 * serialiser's "with value …" quotes are dropped.
 */
export function scrubbed(text: string | undefined): string {
    return (text ?? '')
        .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^/\s"'`]+)[^\s"'`]*/gi, '$1/…')
        .replace(/with value [\s\S]*? must be/g, 'with value … must be')
        .slice(0, 4000);
}
