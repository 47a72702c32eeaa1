import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

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

/** The eight 16-bit groups of an IPv6 address (zone removed, `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
    let text = address.split('%')[0] ?? '';
    const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
    if (dotted) {
        const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
        text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head = '', tail] = text.split('::');
    const parse = (part: string): number[] => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
    const left = parse(head);
    const right = parse(tail ?? '');
    return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What per-client limits count by. An IPv6 subscriber usually gets a whole /64 and can pick
 * any of its 2^64 addresses, so IPv6 clients are grouped by their /64 prefix; IPv4 (and
 * IPv4-mapped IPv6) addresses count one by one. Anything else is returned as it is.
 */
export function rateLimitKey(address: string): string {
    if (!isIPv6(address)) return address;
    const groups = ipv6Groups(address);
    const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
    if (mapped) return [groups[6] ?? 0, groups[7] ?? 0].flatMap((g) => [g >> 8, g & 0xff]).join('.');
    return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The per-client limit key of a request: its client address (see clientAddress), IPv6 by /64. */
export function clientKey(req: IncomingMessage, trustedHops: number): string {
    return rateLimitKey(clientAddress(req, trustedHops));
}
