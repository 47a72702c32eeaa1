import { metrics, SpanStatusCode, trace, type Attributes, type Counter, type Histogram, type Span, type Tracer } from '@opentelemetry/api';

const SCOPE = 'csp-support-bot';

/** The bot's own metrics (names after OpenTelemetry's conventions; units in the name's unit field). */
interface Instruments {
    turns: Counter;
    turnDuration: Histogram;
    dbDuration: Histogram;
    outboxDeliveries: Counter;
    outboxDuration: Histogram;
}

let created: Instruments | undefined;
let exporting = false;

/** Whether `startTelemetry()` started an exporter; work done only for telemetry is skipped otherwise. */
export function telemetryExporting(): boolean {
    return exporting;
}

/** Called by `startTelemetry()` once the providers are registered. */
export function markTelemetryExporting(): void {
    exporting = true;
}

/**
 * Created on first use, after `startTelemetry()` registered a meter provider (the metrics API,
 * unlike tracing, hands out no-op instruments for good when asked too early). Without telemetry
 * they are no-ops.
 */
export function instruments(): Instruments {
    if (created) return created;
    const meter = metrics.getMeter(SCOPE);
    created = {
        turns: meter.createCounter('bot.turns', { description: 'Bot turns processed, by activity type, channel and outcome' }),
        turnDuration: meter.createHistogram('bot.turn.duration', { description: 'How long a bot turn took', unit: 's' }),
        dbDuration: meter.createHistogram('db.client.operation.duration', { description: 'Database statements, by system and operation', unit: 's' }),
        outboxDeliveries: meter.createCounter('outbox.deliveries', { description: 'Outbox delivery attempts, by kind and outcome' }),
        outboxDuration: meter.createHistogram('outbox.delivery.duration', { description: 'How long a delivery attempt took', unit: 's' }),
    };
    return created;
}

/**
 * The bot's tracer, looked up on every use: the distro loads as an ES module with its own copy
 * of the API's proxy provider, so a tracer taken before `startTelemetry()` would stay a no-op.
 * The lookup goes through the API's process-wide registration and is cheap.
 */
export function tracer(): Tracer {
    return trace.getTracer(SCOPE);
}

/**
 * Runs `work` inside a new active span, marked as an error (with the error's name as
 * `error.type`, never its message, which may quote a customer) when it throws.
 */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
    return tracer().startActiveSpan(name, { attributes }, async (span) => {
        try {
            return await work(span);
        } catch (err) {
            span.setAttribute('error.type', (err as Error).name);
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
        } finally {
            span.end();
        }
    });
}
