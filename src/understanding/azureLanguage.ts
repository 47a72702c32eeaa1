/**
 * Optional Azure AI Language (Text Analytics REST v3.1, via @azure/ai-text-analytics 5.1.0).
 *
 * Everything here is best effort: each call is bounded by a timeout (default 1.5 s) and returns
 * `undefined` on timeout, throttling (429), server errors, network errors, auth errors or a
 * document-level error — it never throws. The first failure of each kind is logged once;
 * later ones stay silent until a call succeeds again. Customer text is never logged.
 */
import { AzureKeyCredential, TextAnalyticsClient } from '@azure/ai-text-analytics';
import { LANGUAGES, type Language } from '../policy/types';
import type { Classification, Classifier, Scored } from './classifier';
import { perLanguage } from './packs';

/** The two logger methods this module uses; a pino Logger fits. */
export interface LanguageServiceLogger {
    warn(obj: Record<string, unknown>, msg: string): void;
    info(obj: Record<string, unknown>, msg: string): void;
}

export interface AzureLanguageOptions {
    /** e.g. https://<resource>.cognitiveservices.azure.com (http:// only for local fakes). */
    endpoint: string;
    key: string;
    /** Upper bound for one call, in ms. Default 1500. */
    timeoutMs?: number;
    logger: LanguageServiceLogger;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'mixed';

export interface SentimentResult {
    label: SentimentLabel;
    /** The service's confidence that the text is negative, in [0, 1]. */
    negative: number;
}

export type AzureFailureKind = 'timeout' | 'throttled' | 'server' | 'auth' | 'request' | 'network' | 'document';

export const DEFAULT_TIMEOUT_MS = 1500;

/** v3.1 accepts at most 5,120 characters per document. */
const MAX_DOCUMENT_CHARS = 5120;

/** Language codes sent to the service (Brazilian Portuguese for 'pt'). */
const SERVICE_LANGUAGE = perLanguage((pack) => pack.azure.language);
/** Country hints for language detection when the caller has a guess. */
const COUNTRY_HINT = perLanguage((pack) => pack.azure.countryHint);

const TIMED_OUT = Symbol('timed out');

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Raised inside the service for a document-level error (caught, never escapes). */
class DocumentError extends Error {
    constructor(readonly code: string) {
        super(`document error ${code}`);
        this.name = 'DocumentError';
    }
}

export class AzureLanguageService {
    readonly timeoutMs: number;
    private readonly client: TextAnalyticsClient;
    private readonly logger: LanguageServiceLogger;
    private readonly loggedFailures = new Set<AzureFailureKind>();

    constructor(options: AzureLanguageOptions) {
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.logger = options.logger;
        const insecure = /^http:\/\//i.test(options.endpoint);
        this.client = new TextAnalyticsClient(options.endpoint, new AzureKeyCredential(options.key), {
            ...(insecure ? { allowInsecureConnection: true } : {}),
            retryOptions: { maxRetries: 0 },
        });
    }

    /** The document's language if it is one of the bot's four; `hint` is the caller's guess, if any. */
    async detectLanguage(text: string, hint?: Language): Promise<Scored<Language> | undefined> {
        const document = truncate(text);
        if (!document) return undefined;
        return this.call('detectLanguage', async (abortSignal) => {
            const [result] = await this.client.detectLanguage([{ id: '0', text: document, countryHint: hint ? COUNTRY_HINT[hint] : 'none' }], {
                abortSignal,
            });
            if (!result || result.error) throw new DocumentError(result?.error?.code ?? 'missing');
            const code = result.primaryLanguage.iso6391Name.toLowerCase().split('-')[0] ?? '';
            const language = (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : undefined;
            return language ? { label: language, confidence: result.primaryLanguage.confidenceScore } : undefined;
        });
    }

    async sentiment(text: string, language?: Language): Promise<SentimentResult | undefined> {
        const document = truncate(text);
        if (!document) return undefined;
        return this.call('sentiment', async (abortSignal) => {
            const [result] = await this.client.analyzeSentiment([document], SERVICE_LANGUAGE[language ?? 'en'], { abortSignal });
            if (!result || result.error) throw new DocumentError(result?.error?.code ?? 'missing');
            return { label: result.sentiment, negative: result.confidenceScores.negative };
        });
    }

    /**
     * The service's redacted text (PII replaced by asterisks), or undefined. Texts over the
     * service's document limit are not truncated (that would lose text): they return undefined.
     */
    async redactPii(text: string, language?: Language): Promise<string | undefined> {
        if (!text.trim() || text.length > MAX_DOCUMENT_CHARS) return undefined;
        return this.call('redactPii', async (abortSignal) => {
            const [result] = await this.client.recognizePiiEntities([text], SERVICE_LANGUAGE[language ?? 'en'], { abortSignal });
            if (!result || result.error) throw new DocumentError(result?.error?.code ?? 'missing');
            return result.redactedText;
        });
    }

    async keyPhrases(text: string, language?: Language): Promise<string[] | undefined> {
        const document = truncate(text);
        if (!document) return undefined;
        return this.call('keyPhrases', async (abortSignal) => {
            const [result] = await this.client.extractKeyPhrases([document], SERVICE_LANGUAGE[language ?? 'en'], { abortSignal });
            if (!result || result.error) throw new DocumentError(result?.error?.code ?? 'missing');
            return result.keyPhrases;
        });
    }

    /**
     * Runs one SDK call under the timeout: the SDK's abortSignal cancels the HTTP request, and
     * a Promise.race guard returns on time even if something ignores the signal.
     */
    private async call<T>(operation: string, run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
        const controller = new AbortController();
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
            timer = setTimeout(() => {
                controller.abort();
                resolve(TIMED_OUT);
            }, this.timeoutMs);
        });
        const work: Promise<Outcome<T>> = Promise.resolve()
            .then(() => run(controller.signal))
            .then(
                (value): Outcome<T> => ({ ok: true, value }),
                (error: unknown): Outcome<T> => ({ ok: false, error }),
            );
        try {
            const outcome = await Promise.race([work, deadline]);
            if (outcome === TIMED_OUT) return this.failed(operation, 'timeout', {});
            if (!outcome.ok) {
                const { kind, details } = classifyError(outcome.error, controller.signal.aborted);
                return this.failed(operation, kind, details);
            }
            this.succeeded(operation);
            return outcome.value;
        } finally {
            clearTimeout(timer);
        }
    }

    private failed(operation: string, kind: AzureFailureKind, details: Record<string, unknown>): undefined {
        if (!this.loggedFailures.has(kind)) {
            this.loggedFailures.add(kind);
            this.logger.warn(
                { component: 'azureLanguage', operation, failure: kind, timeoutMs: this.timeoutMs, ...details },
                'Azure AI Language call failed; continuing without it (further failures of this kind are not logged until it recovers)',
            );
        }
        return undefined;
    }

    private succeeded(operation: string): void {
        if (this.loggedFailures.size === 0) return;
        this.logger.info({ component: 'azureLanguage', operation, after: [...this.loggedFailures] }, 'Azure AI Language answers again');
        this.loggedFailures.clear();
    }
}

function truncate(text: string): string | undefined {
    if (!text.trim()) return undefined;
    if (text.length <= MAX_DOCUMENT_CHARS) return text;
    const cut = text.slice(0, MAX_DOCUMENT_CHARS);
    // Do not leave half a surrogate pair at the end.
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function classifyError(error: unknown, aborted: boolean): { kind: AzureFailureKind; details: Record<string, unknown> } {
    if (error instanceof DocumentError) return { kind: 'document', details: { code: error.code } };
    const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const code = typeof e.code === 'string' ? e.code : undefined;
    const details: Record<string, unknown> = { ...(status !== undefined ? { status } : {}), ...(code !== undefined ? { code } : {}) };
    if (aborted || e.name === 'AbortError') return { kind: 'timeout', details };
    if (status === 429) return { kind: 'throttled', details };
    if (status !== undefined && status >= 500) return { kind: 'server', details };
    if (status === 401 || status === 403) return { kind: 'auth', details };
    if (status !== undefined) return { kind: 'request', details };
    return { kind: 'network', details };
}

/** The Azure service when both variables are set (non-empty), else undefined. */
export function createLanguageService(
    env: { AZURE_LANGUAGE_ENDPOINT?: string; AZURE_LANGUAGE_KEY?: string },
    logger: LanguageServiceLogger,
    options: { timeoutMs?: number } = {},
): AzureLanguageService | undefined {
    const endpoint = env.AZURE_LANGUAGE_ENDPOINT?.trim();
    const key = env.AZURE_LANGUAGE_KEY?.trim();
    if (!endpoint || !key) return undefined;
    return new AzureLanguageService({ endpoint, key, logger, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
}

/**
 * The local classifier's answer, with the language taken from Azure when Azure answered with
 * at least the local confidence. Both run in parallel, so Azure adds at most its timeout.
 */
export class AzureAwareClassifier implements Classifier {
    constructor(
        private readonly local: Classifier,
        private readonly azure?: AzureLanguageService,
    ) {}

    async classify(text: string): Promise<Classification> {
        if (!this.azure) return this.local.classify(text);
        const [classification, azureLanguage] = await Promise.all([this.local.classify(text), this.azure.detectLanguage(text)]);
        if (azureLanguage && azureLanguage.confidence >= classification.language.confidence) {
            return { ...classification, language: azureLanguage };
        }
        return classification;
    }
}
