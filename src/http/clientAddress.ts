import type { IncomingMessage } from 'node:http';

/** Strips a port (`1.2.3.4:5678`, `[::1]:5678`) and the IPv4-mapped IPv6 prefix. */
function bareAddress(entry: string): string {
    let address = entry.trim();
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
    if (bracketed?.[1]) address = bracketed[1];
    else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
    return address.replace(/^::ffff:/, '');
}

/**
 * The client's address, for per-client rate limits. With `trustedHops` reverse proxies in
 * front (Azure App Service and Container Apps ingress each add one X-Forwarded-For entry), the
 * entry that many places from the right; entries further left are whatever the client sent
 * and are never trusted. Without proxies, the socket's peer address.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
    const socketAddress = bareAddress(req.socket.remoteAddress ?? 'unknown');
    if (trustedHops <= 0) return socketAddress;
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').filter((e) => e.trim());
    const entry = entries[entries.length - trustedHops];
    return entry ? bareAddress(entry) : socketAddress;
}
