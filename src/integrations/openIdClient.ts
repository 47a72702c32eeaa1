import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

/** What an OpenID provider publishes about itself (the fields the desk's sign-in uses). */
export const OpenIdMetadataSchema = z.object({
    issuer: z.string(),
    jwks_uri: z.url(),
    authorization_endpoint: z.url(),
    token_endpoint: z.url(),
});
export type OpenIdMetadata = z.infer<typeof OpenIdMetadataSchema>;

export interface HttpJsonOptions {
    /** Extra trusted certificate authority (PEM): a private CA, or a test server's. */
    ca?: string;
    /** A form to POST (application/x-www-form-urlencoded); GET without. */
    form?: Record<string, string>;
    timeoutMs?: number;
}

/** An answer that was not 2xx JSON, with the provider's error code when it gave one. */
export class OpenIdHttpError extends Error {
    constructor(
        message: string,
        readonly status: number,
    ) {
        super(message);
        this.name = 'OpenIdHttpError';
    }
}

/** GETs (or POSTs a form to) an identity provider endpoint and parses its JSON answer. */
export function requestJson(url: string, options: HttpJsonOptions = {}): Promise<unknown> {
    const target = new URL(url);
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
        const req = client.request(
            target,
            {
                method: body ? 'POST' : 'GET',
                ca: options.ca,
                timeout: options.timeoutMs ?? 10_000,
                headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}) },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => {
                    let parsed: unknown;
                    try {
                        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                    } catch {
                        return reject(new OpenIdHttpError(`requestJson(): ${target.pathname} answered ${res.statusCode} without JSON`, res.statusCode ?? 0));
                    }
                    const status = res.statusCode ?? 0;
                    if (status < 200 || status > 299) {
                        const code = z.object({ error: z.string() }).safeParse(parsed);
                        return reject(new OpenIdHttpError(`requestJson(): ${target.pathname} answered ${status}${code.success ? ` ${code.data.error}` : ''}`, status));
                    }
                    resolve(parsed);
                });
            },
        );
        req.on('timeout', () => req.destroy(new Error(`requestJson(): ${target.pathname} timed out`)));
        req.on('error', reject);
        if (body) req.write(body);
        req.end();
    });
}
