import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import { instruments, telemetryExporting, tracer } from './instruments';

/** The database systems, named as OpenTelemetry's `db.system.name` does. */
export type DatabaseSystem = 'sqlite' | 'postgresql';

/** SELECT, INSERT, UPDATE, DELETE, WITH…: the statement's first keyword. */
function operationOf(sql: string): string {
    return /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? 'UNKNOWN';
}

/**
 * A Kysely `log` function that measures every statement (`db.client.operation.duration`) and,
 * for SQLite, which no instrumentation sees, records a client span for it after the fact, under
 * whatever span was active (the turn, the outbox delivery). PostgreSQL statements already get
 * their spans from the distro's `pg` instrumentation. Statements are recorded by operation only:
 * parameters never, so no customer data.
 */
export function databaseTelemetry(system: DatabaseSystem): (event: LogEvent) => void {
    return (event) => {
        if (!telemetryExporting()) return;
        const seconds = event.queryDurationMillis / 1000;
        const attributes = { 'db.system.name': system, 'db.operation.name': operationOf(event.query.sql), ...(event.level === 'error' ? { 'error.type': (event.error as Error | undefined)?.name ?? 'Error' } : {}) };
        instruments().dbDuration.record(seconds, attributes);
        if (system !== 'sqlite') return;
        const end = Date.now();
        const span = tracer().startSpan(`${attributes['db.operation.name']} sqlite`, { kind: SpanKind.CLIENT, startTime: end - event.queryDurationMillis, attributes });
        if (event.level === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end(end);
    };
}
