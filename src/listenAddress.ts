import { authEnabled, ConfigError, type AppConfig } from './config';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Where to listen. Without an app id (no Bot Framework auth) the bot binds to loopback
 * and says so; binding elsewhere without auth needs ALLOW_PUBLIC_WITHOUT_AUTH=true.
 */
export function listenAddress(config: AppConfig): { host: string; notice?: string } {
    if (authEnabled(config)) return { host: config.HOST ?? '0.0.0.0' };
    const host = config.HOST ?? '127.0.0.1';
    if (!LOOPBACK.has(host) && !config.ALLOW_PUBLIC_WITHOUT_AUTH) {
        throw new ConfigError(`listenAddress(): HOST=${host} without MicrosoftAppId would expose an unauthenticated bot; set MicrosoftAppId, or ALLOW_PUBLIC_WITHOUT_AUTH=true if you really mean it`);
    }
    return {
        host,
        notice: `No MicrosoftAppId: Bot Framework authentication is off and the bot listens on ${host} only${LOOPBACK.has(host) ? ' (loopback)' : ' (ALLOW_PUBLIC_WITHOUT_AUTH is set)'}.`,
    };
}

/**
 * The addresses the start-up line names: the Web Chat page and the messaging endpoint. A
 * wildcard bind is shown as localhost, the address a browser on the same machine can open.
 */
export function listeningUrls(host: string, port: number): { chatPage: string; messagingEndpoint: string } {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    const origin = `http://${shown}:${port}`;
    return { chatPage: `${origin}/`, messagingEndpoint: `${origin}/api/messages` };
}
