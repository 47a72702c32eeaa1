import http from 'node:http';
import zlib from 'node:zlib';

/** What came back: -1 as the status when the server closed the connection without an answer. */
export interface RawResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}

export interface RawRequest {
    method?: string;
    path: string;
    headers?: http.OutgoingHttpHeaders;
    /** One buffer (sent with Content-Length unless the headers say otherwise) or chunks (sent chunked). */
    body?: string | Buffer | Array<string | Buffer>;
    /** Default: a new connection per request. */
    agent?: http.Agent;
}

/**
 * A request exactly as given, through node:http (fetch normalises headers and refuses some):
 * duplicate headers as arrays, any Content-Encoding, chunked bodies without Content-Length.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
    const url = new URL(baseUrl);
    return new Promise((resolve) => {
        const req = http.request({ host: url.hostname, port: url.port, method: request.method ?? 'POST', path: request.path, headers: request.headers, agent: request.agent ?? false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
        });
        req.on('error', () => resolve({ status: -1, headers: {}, body: '' }));
        const body = request.body;
        if (Array.isArray(body)) {
            for (const chunk of body) req.write(chunk);
            req.end();
        } else {
            req.end(body);
        }
    });
}

/** `body` cut into `count` pieces of about equal size, to be sent chunked. */
export function inChunks(body: string | Buffer, count: number): Buffer[] {
    const bytes = Buffer.from(body);
    const size = Math.max(1, Math.ceil(bytes.length / count));
    return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

/**
 * A gzip body that inflates to `inflatedBytes` of JSON (an activity whose text is that long),
 * compressed in 1 MB steps so that the test itself never holds the inflated text.
 */
export async function gzipBomb(inflatedBytes: number, activity: Record<string, unknown>): Promise<Buffer> {
    const gzip = zlib.createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve) => gzip.once('end', resolve));
    const { text: _text, ...rest } = activity;
    const head = JSON.stringify({ ...rest, text: '' }).slice(0, -2);
    gzip.write(head);
    const step = Buffer.alloc(1024 * 1024, 'a');
    for (let written = 0; written < inflatedBytes; written += step.length) {
        if (!gzip.write(step)) await new Promise((resolve) => gzip.once('drain', resolve));
    }
    gzip.end('"}');
    await done;
    return Buffer.concat(out);
}
