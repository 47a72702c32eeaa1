import http from 'node:http';
import { LoopbackServer } from './loopbackServer';

/** How the fake behaves for the next requests. */
export type FakeLanguageMode = 'ok' | 'slow' | '429' | '500' | 'hang' | 'document-error';

export interface RecordedLanguageRequest {
    method: string;
    /** Path without the query string, e.g. /text/analytics/v3.1/sentiment */
    path: string;
    query: Record<string, string>;
    documents: Array<{ id: string; text: string; language?: string; countryHint?: string }>;
}

interface InputDocument {
    id: string;
    text: string;
    language?: string;
    countryHint?: string;
}

const PREFIX = '/text/analytics/v3.1';
const SLOW_MS = 5000;

const ACCESS_DENIED = {
    error: {
        code: '401',
        message:
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    },
};

/**
 * A local stand-in for Azure AI Language speaking Text Analytics REST v3.1 — the routes and
 * JSON shapes @azure/ai-text-analytics 5.1.0 calls: POST /languages, /sentiment,
 * /entities/recognition/pii and /keyPhrases, key in Ocp-Apim-Subscription-Key, body
 * { documents: [{ id, text, language?, countryHint? }] }, answers
 * { documents, errors, modelVersion }. Deterministic, simple logic.
 */
export class FakeLanguageService {
    mode: FakeLanguageMode = 'ok';
    /** Seconds sent in Retry-After when mode is '429'. */
    retryAfterSeconds = 1;
    /** Every request that reached the server (whatever the mode or key). */
    requestCount = 0;
    /** Requests the client gave up on (closed) before this service answered. */
    abandoned = 0;
    readonly requests: RecordedLanguageRequest[] = [];
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res));
    private readonly timers = new Set<NodeJS.Timeout>();

    constructor(readonly key = 'fake-language-key') {}

    async start(): Promise<string> {
        await this.http.start();
        return this.url;
    }

    get url(): string {
        return `${this.http.origin}`;
    }

    async stop(): Promise<void> {
        for (const t of this.timers) clearTimeout(t);
        this.timers.clear();
        await this.http.stop();
    }

    reset(): void {
        this.mode = 'ok';
        this.requestCount = 0;
        this.requests.length = 0;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            this.requestCount++;
            const url = new URL(req.url ?? '/', 'http://fake');
            const key = req.headers['ocp-apim-subscription-key'];
            if (key !== this.key) return send(res, 401, ACCESS_DENIED);

            const route = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : '';
            const handler = ROUTES[route];
            if (req.method !== 'POST' || !handler) {
                return send(res, 404, { error: { code: '404', message: 'Resource not found' } });
            }
            const documents = parseDocuments(Buffer.concat(chunks).toString('utf8'));
            if (!documents) {
                return send(res, 400, {
                    error: {
                        code: 'InvalidRequest',
                        message: 'Invalid Request.',
                        innererror: { code: 'InvalidRequestBodyFormat', message: 'Request body format is wrong. Make sure the json request is serialized correctly and there are no null members.' },
                    },
                });
            }
            this.requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), documents });
            res.on('close', () => {
                if (!res.writableEnded) this.abandoned++;
            });

            switch (this.mode) {
                case 'hang':
                    return; // never answers; stop() closes the socket
                case '429':
                    res.setHeader('Retry-After', String(this.retryAfterSeconds));
                    return send(res, 429, { error: { code: '429', message: `Rate limit is exceeded. Try again in ${this.retryAfterSeconds} seconds.` } });
                case '500':
                    return send(res, 500, { error: { code: 'InternalServerError', message: 'Internal server error.' } });
                case 'document-error':
                    return send(res, 200, {
                        documents: [],
                        errors: documents.map((d) => ({
                            id: d.id,
                            error: {
                                code: 'InvalidArgument',
                                message: 'Invalid document in request.',
                                innererror: { code: 'InvalidDocument', message: 'Document text is empty.' },
                            },
                        })),
                        modelVersion: handler.modelVersion,
                    });
                case 'slow': {
                    const timer = setTimeout(() => {
                        this.timers.delete(timer);
                        if (!res.destroyed) send(res, 200, answer(handler, documents));
                    }, SLOW_MS);
                    this.timers.add(timer);
                    return;
                }
                case 'ok':
                    return send(res, 200, answer(handler, documents));
            }
        });
    }
}

// restify patches http.ServerResponse globally: set status and headers, then end (no chaining).
function send(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('apim-request-id', `fake-${Date.now()}`);
    res.end(JSON.stringify(body));
}

function parseDocuments(body: string): InputDocument[] | undefined {
    try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed !== 'object' || parsed === null) return undefined;
        const docs = (parsed as { documents?: unknown }).documents;
        if (!Array.isArray(docs)) return undefined;
        const out: InputDocument[] = [];
        for (const d of docs as unknown[]) {
            if (typeof d !== 'object' || d === null) return undefined;
            const { id, text, language, countryHint } = d as Record<string, unknown>;
            if (typeof id !== 'string' || typeof text !== 'string') return undefined;
            out.push({
                id,
                text,
                ...(typeof language === 'string' ? { language } : {}),
                ...(typeof countryHint === 'string' ? { countryHint } : {}),
            });
        }
        return out;
    } catch {
        return undefined;
    }
}

interface Route {
    modelVersion: string;
    document(doc: InputDocument): Record<string, unknown>;
}

const ROUTES: Record<string, Route> = {
    '/languages': { modelVersion: '2021-11-20', document: (d) => ({ id: d.id, detectedLanguage: detectLanguage(d.text), warnings: [] }) },
    '/sentiment': { modelVersion: '2020-04-01', document: (d) => sentimentOf(d) },
    '/entities/recognition/pii': { modelVersion: '2021-01-15', document: (d) => piiOf(d) },
    '/keyPhrases': { modelVersion: '2021-06-01', document: (d) => ({ id: d.id, keyPhrases: keyPhrasesOf(d.text), warnings: [] }) },
};

function answer(route: Route, documents: InputDocument[]): Record<string, unknown> {
    const ok = documents.filter((d) => d.text.trim() !== '');
    const empty = documents.filter((d) => d.text.trim() === '');
    return {
        documents: ok.map((d) => route.document(d)),
        errors: empty.map((d) => ({
            id: d.id,
            error: { code: 'InvalidArgument', message: 'Invalid document in request.', innererror: { code: 'InvalidDocument', message: 'Document text is empty.' } },
        })),
        modelVersion: route.modelVersion,
    };
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', pt: 'Portuguese', ru: 'Russian', fr: 'French', de: 'German' };
const KEYWORDS: Record<string, string[]> = {
    en: ['the', 'is', 'my', 'and', 'not', 'please', 'with', 'we', 'cannot', 'can', 'it', 'this', 'to', 'terrible', 'horrible', 'hi', 'hello'],
    es: ['el', 'la', 'los', 'las', 'mi', 'es', 'por', 'con', 'para', 'una', 'que', 'no', 'funciona', 'hola', 'gracias', 'móvil', 'puedo'],
    pt: ['o', 'os', 'meu', 'minha', 'não', 'com', 'para', 'uma', 'que', 'você', 'funciona', 'olá', 'obrigado', 'celular', 'consigo', 'é'],
    fr: ['le', 'les', 'je', 'ne', 'pas', 'est', 'bonjour', 'merci', 'avec', 'mon', 'fonctionne'],
    de: ['der', 'die', 'das', 'ist', 'nicht', 'und', 'ich', 'hallo', 'danke', 'mein', 'funktioniert'],
};

function detectLanguage(text: string): { name: string; iso6391Name: string; confidenceScore: number } {
    const letters = [...text].filter((c) => /\p{L}/u.test(c));
    const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
    if (letters.length > 0 && cyrillic / letters.length > 0.5) return { name: 'Russian', iso6391Name: 'ru', confidenceScore: 1 };
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const scores = Object.entries(KEYWORDS).map(([code, list]) => [code, words.filter((w) => list.includes(w)).length] as const);
    scores.sort((a, b) => b[1] - a[1]);
    const [best, second] = scores;
    if (!best || best[1] === 0) return { name: '(Unknown)', iso6391Name: '(Unknown)', confidenceScore: 0 };
    const margin = best[1] - (second?.[1] ?? 0);
    const confidenceScore = Math.min(0.99, Math.round((0.6 + 0.1 * margin) * 100) / 100);
    return { name: LANGUAGE_NAMES[best[0]] ?? best[0], iso6391Name: best[0], confidenceScore };
}

const NEGATIVE = /terrible|horrible|awful|horrível|péssimo|ужасно|ужасный|отвратительно/iu;
const POSITIVE = /great|excellent|thank|gracias|excelente|obrigad|ótimo|спасибо|отлично/iu;

function sentimentOf(d: InputDocument): Record<string, unknown> {
    const neg = NEGATIVE.test(d.text);
    const pos = POSITIVE.test(d.text);
    const sentiment = neg && pos ? 'mixed' : neg ? 'negative' : pos ? 'positive' : 'neutral';
    const scores =
        sentiment === 'negative'
            ? { positive: 0.02, neutral: 0.06, negative: 0.92 }
            : sentiment === 'positive'
              ? { positive: 0.9, neutral: 0.08, negative: 0.02 }
              : sentiment === 'mixed'
                ? { positive: 0.45, neutral: 0.1, negative: 0.45 }
                : { positive: 0.1, neutral: 0.85, negative: 0.05 };
    return {
        id: d.id,
        sentiment,
        confidenceScores: scores,
        sentences: [
            {
                sentiment: sentiment === 'mixed' ? 'negative' : sentiment,
                confidenceScores: scores,
                offset: 0,
                length: d.text.length,
                text: d.text,
                targets: [],
                assessments: [],
            },
        ],
        warnings: [],
    };
}

const PII_PATTERNS: Array<[string, RegExp]> = [
    ['Email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu],
    ['PhoneNumber', /\+\d[\d ().-]{7,}\d/g],
    ['CreditCardNumber', /\b(?:\d[ -]?){12,18}\d\b/g],
];

function piiOf(d: InputDocument): Record<string, unknown> {
    const entities: Array<{ text: string; category: string; offset: number; length: number; confidenceScore: number }> = [];
    for (const [category, re] of PII_PATTERNS) {
        for (const m of d.text.matchAll(re)) {
            const offset = m.index ?? 0;
            if (entities.some((e) => offset < e.offset + e.length && e.offset < offset + m[0].length)) continue;
            entities.push({ text: m[0], category, offset, length: m[0].length, confidenceScore: 0.8 });
        }
    }
    let redactedText = d.text;
    for (const e of entities) redactedText = redactedText.slice(0, e.offset) + '*'.repeat(e.length) + redactedText.slice(e.offset + e.length);
    entities.sort((a, b) => a.offset - b.offset);
    return { id: d.id, redactedText, entities, warnings: [] };
}

function keyPhrasesOf(text: string): string[] {
    const words = text.match(/\p{Lu}[\p{L}\p{N}]+/gu) ?? [];
    return [...new Set(words)];
}
