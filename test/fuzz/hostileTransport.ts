/**
 * Hostile HTTP framing around a body: Content-Encoding (gzip, deflate, br, identity, unknown)
 * with compressed, uncompressed, truncated and bomb bodies; odd content types; duplicate and
 * oversized headers; chunked transfer. Seeded like the rest of the fuzzer.
 */
import zlib from 'node:zlib';
type Random = () => number;
/** Headers as sent; an array sends the header once per value. */
type Headers = Record<string, string | string[]>;

/** How a body goes over the wire. */
export interface Transport {
    kind: string;
    body: Buffer;
    headers: Headers;
    /** Send in this many chunks (Transfer-Encoding: chunked, no Content-Length). */
    chunks?: number;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const COMPRESSORS: Record<string, (body: Buffer) => Buffer> = {
    gzip: (body) => zlib.gzipSync(body, { level: 1 }),
    deflate: (body) => zlib.deflateSync(body, { level: 1 }),
    br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
};
const ODD_ENCODINGS = ['x-garbage', 'gzip, gzip', 'GZIP', 'identity, gzip', 'compress', 'zstd', 'identity;q=0', '*', 'chunked', 'a'.repeat(300)];
const ODD_CONTENT_TYPES = [
    'text/plain',
    'application/octet-stream',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'application/activity+json',
    'application/json;;;',
    `application/json; x=${'y'.repeat(1000)}`,
    '',
];

/** The body compressed as `encoding` says (`deep`: only the first half, as if cut off). */
function encoded(random: Random, body: Buffer): Transport {
    const encoding = pick(random, Object.keys(COMPRESSORS));
    const compressed = (COMPRESSORS[encoding] as (b: Buffer) => Buffer)(body);
    switch (Math.floor(random() * 4)) {
        case 0:
            return { kind: `${encoding} body`, body: compressed, headers: { 'content-encoding': encoding } };
        case 1:
            return { kind: `${encoding} body, truncated`, body: compressed.subarray(0, Math.max(1, compressed.length >> 1)), headers: { 'content-encoding': encoding } };
        case 2:
            return { kind: `${encoding} header, plain body`, body, headers: { 'content-encoding': encoding } };
        default:
            return { kind: `${encoding} body, no header`, body: compressed, headers: {} };
    }
}

/** One way to frame `body` (an activity's JSON); `bomb` is a gzip body inflating to 100 MB. */
export function hostileTransport(random: Random, body: Buffer, bomb: Buffer): Transport {
    const json = { 'content-type': 'application/json' };
    const variants: Array<() => Transport> = [
        () => {
            const compressed = encoded(random, body);
            return { ...compressed, headers: { ...json, ...compressed.headers } };
        },
        () => ({ kind: 'gzip bomb', body: bomb, headers: { ...json, 'content-encoding': pick(random, ['gzip', 'identity', 'deflate']) } }),
        () => ({ kind: 'identity', body, headers: { ...json, 'content-encoding': pick(random, ['identity', 'Identity', 'identity, identity']) } }),
        () => ({ kind: 'unknown content encoding', body, headers: { ...json, 'content-encoding': pick(random, ODD_ENCODINGS) } }),
        () => ({ kind: 'odd content type', body, headers: { 'content-type': pick(random, ODD_CONTENT_TYPES) } }),
        () => ({ kind: 'chunked', body, headers: json, chunks: 1 + Math.floor(random() * 8) }),
        () => ({ ...encoded(random, body), kind: 'chunked and compressed', chunks: 2 + Math.floor(random() * 4) }),
        () => ({ kind: 'duplicate headers', body, headers: pick(random, duplicates) }),
        () => ({ kind: 'oversize header', body, headers: { ...json, [pick(random, ['x-padding', 'cookie', 'authorization', 'content-type'])]: 'x'.repeat(17_000 + Math.floor(random() * 20_000)) } }),
        () => ({ kind: 'many headers', body, headers: { ...json, ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-h${i}`, 'v'.repeat(60)])) } }),
        () => ({ kind: 'forged local channel and auth headers', body, headers: { ...json, 'x-local-direct-line': 'guess', authorization: pick(random, ['Bearer x.y.z', 'Basic Zm9vOmJhcg==', 'Bearer ']) } }),
        () => ({ kind: 'odd transfer encoding', body, headers: { ...json, 'transfer-encoding': pick(random, ['gzip, chunked', 'identity', 'chunked, gzip', 'CHUNKED']) }, chunks: 2 }),
    ];
    return pick(random, variants)();
}

const duplicates: Headers[] = [
    { 'content-type': ['application/json', 'text/plain'] },
    { 'content-type': 'application/json', 'content-encoding': ['identity', 'gzip'] },
    { 'content-type': 'application/json', 'x-forwarded-for': ['203.0.113.7', '198.51.100.1'] },
    { 'content-type': 'application/json', authorization: ['Bearer a', 'Bearer b'] },
    { 'content-type': 'application/json', 'transfer-encoding': ['chunked', 'chunked'] },
];
