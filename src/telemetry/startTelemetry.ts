import { markTelemetryExporting } from './instruments';
import { urlScrubbingProcessor } from './urlScrubbing';

/** What {@link startTelemetry} started: flush and stop it on shutdown. */
export interface Telemetry {
    readonly enabled: boolean;
    shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, shutdown: async () => undefined };

/**
 * Starts OpenTelemetry traces and metrics exported to Azure Monitor (Application Insights) when
 * a connection string is set; otherwise nothing is loaded and the API stays a no-op.
 *
 * Call it before the rest of the bot is loaded: the distro's instrumentations patch `http`
 * (every request the server takes, and the Bot Connector's calls), `pg` and the Azure SDK as
 * they are required. `fetch` (webhooks, Microsoft Graph, Partner Center, Entra tokens) is
 * traced through Node's undici diagnostics channels. The bot's own spans and metrics (turns,
 * database statements, outbox deliveries) come from `instruments.ts`.
 */
export async function startTelemetry(connectionString: string | undefined): Promise<Telemetry> {
    if (!connectionString) return OFF;
    const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
    const { UndiciInstrumentation } = await import('@opentelemetry/instrumentation-undici');
    // The cloud role name in Application Insights' application map (unless the operator names it).
    process.env.OTEL_SERVICE_NAME ??= 'csp-support-bot';
    useAzureMonitor({
        azureMonitorExporterOptions: { connectionString },
        // Every trace, whole: a support desk's traffic is small, and the distro's default rate
        // limit (5 traces a second) would cut bursts. OTEL_TRACES_SAMPLER(_ARG) still override it.
        samplingRatio: 1,
        tracesPerSecond: 0,
        instrumentationOptions: { http: { enabled: true }, postgreSql: { enabled: true }, azureSdk: { enabled: true } },
        // URLs lose their query and ids before export (conversation ids are personal enough).
        spanProcessors: [urlScrubbingProcessor],
    });
    // Constructed after the distro registered the global providers, so it reports through them.
    new UndiciInstrumentation();
    markTelemetryExporting();
    return { enabled: true, shutdown: () => shutdownAzureMonitor() };
}
