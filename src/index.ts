// First: quiets restify's known deprecation before restify is loaded (see the module).
import './knownDeprecations';
import { existsSync } from 'node:fs';
import { authEnabled, ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { listenAddress, listeningUrls } from './listenAddress';
import { startTelemetry } from './telemetry/startTelemetry';

/** Entry point: only wiring. Load .env if present, parse config, start, and stop cleanly. */
async function main(): Promise<void> {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    // Before the server, the store and the clients are loaded, so the instrumentations see them.
    const telemetry = await startTelemetry(config.APPLICATIONINSIGHTS_CONNECTION_STRING);
    const { createApp } = await import('./app.js');
    const { LISTEN_BACKLOG } = await import('./server.js');
    const logger = createLogger(config.LOG_LEVEL);
    const address = listenAddress(config);
    const app = await createApp(config, logger);
    app.server.listen({ port: config.PORT, host: address.host, backlog: LISTEN_BACKLOG }, () => {
        const { chatPage, messagingEndpoint } = listeningUrls(address.host, config.PORT);
        logger.info({ chatPage, messagingEndpoint, auth: authEnabled(config), telemetry: telemetry.enabled ? 'azure-monitor' : 'off' }, `bot listening: chat page ${chatPage} · messaging endpoint ${messagingEndpoint}`);
        if (address.notice) logger.warn(address.notice);
        // The banner: each problem on its own warn line, so it stands out in the log.
        for (const warning of app.warnings) logger.warn({ startup: 'warning' }, `!!! ${warning}`);
    });

    let stopping = false;
    const stop = async (signal: string): Promise<void> => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down: finishing in-flight turns');
        await app.drain(config.SHUTDOWN_TIMEOUT_MS);
        await app.database.close();
        // Sends what is still buffered (the last spans and metrics) before the process ends.
        await telemetry.shutdown().catch(() => undefined);
        logger.info('stopped');
        process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
    // The logger may not exist yet (bad configuration), so this one message goes to stderr.
    const message = err instanceof ConfigError ? err.message : `start-up failed: ${(err as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
});
