import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Values kept in the browser, signed with the bot's secret so they cannot be made up or changed. */
export class SignedCookie<T extends z.ZodType<{ exp: number }>> {
    constructor(
        private readonly secret: string,
        private readonly schema: T,
    ) {}

    private mac(payload: string): string {
        return createHmac('sha256', this.secret).update(payload).digest('base64url');
    }

    seal(value: z.infer<T>): string {
        const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${payload}.${this.mac(payload)}`;
    }

    /** The value when the signature holds and it has not expired (exp: epoch ms). */
    open(sealed: string | undefined, now: number): z.infer<T> | undefined {
        const [payload, mac, extra] = (sealed ?? '').split('.');
        if (!payload || !mac || extra !== undefined) return undefined;
        const expected = Buffer.from(this.mac(payload));
        const given = Buffer.from(mac);
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
        try {
            const value = this.schema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
            return value.success && value.data.exp > now ? value.data : undefined;
        } catch {
            return undefined;
        }
    }
}

/** The cookies of a request, by name (the last one wins). */
export function readCookies(header: string | undefined): Map<string, string> {
    const cookies = new Map<string, string>();
    for (const part of (header ?? '').split(';')) {
        const at = part.indexOf('=');
        if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    return cookies;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax (the sign-in comes back by a top-level redirect), Secure over https. */
export function cookieHeader(name: string, value: string, options: { path: string; maxAgeSeconds: number; secure: boolean }): string {
    return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}
