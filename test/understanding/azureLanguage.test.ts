import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { createLogger } from '../../src/logger';
import type { Language } from '../../src/policy/types';
import {
    AzureAwareClassifier,
    AzureLanguageService,
    createLanguageService,
    type LanguageServiceLogger,
} from '../../src/understanding/azureLanguage';
import type { Classification, Classifier } from '../../src/understanding/classifier';
import { KeywordClassifier } from '../../src/understanding/keywordClassifier';
import { FakeLanguageService } from '../fakes/fakeLanguageService';

const TIMEOUT_MS = 1500;
/** timeout + 300 ms of slack, but generous enough for a loaded CI machine. */
const UPPER_BOUND_MS = 2000;

function spyLogger(): { logger: LanguageServiceLogger; warn: sinon.SinonSpy; info: sinon.SinonSpy } {
    const warn = sinon.spy();
    const info = sinon.spy();
    return { logger: { warn, info }, warn, info };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = Date.now();
    const value = await run();
    return { value, ms: Date.now() - started };
}

/** A local classifier with a fixed answer. */
class FixedClassifier implements Classifier {
    constructor(
        private readonly language: Language,
        private readonly confidence: number,
    ) {}
    async classify(): Promise<Classification> {
        return {
            language: { label: this.language, confidence: this.confidence },
            category: { label: 'technical', confidence: 0.8 },
            product: { label: 'microsoft365', confidence: 0.7 },
            kind: { label: 'break-fix', confidence: 0.6 },
            severity: null,
        };
    }
}

describe('Azure AI Language (against a local REST v3.1 fake)', () => {
    const fake = new FakeLanguageService('right-key');
    let endpoint = '';

    before(async () => {
        endpoint = await fake.start();
    });
    after(async () => {
        await fake.stop();
    });
    beforeEach(() => fake.reset());

    function service(logger: LanguageServiceLogger, key = 'right-key'): AzureLanguageService {
        return new AzureLanguageService({ endpoint, key, timeoutMs: TIMEOUT_MS, logger });
    }

    describe('answers', () => {
        it('detectLanguage returns one of the four languages with the service confidence', async () => {
            const { logger, warn } = spyLogger();
            const azure = service(logger);
            assert.deepEqual(await azure.detectLanguage('мой телефон не работает'), { label: 'ru', confidence: 1 });
            const es = await azure.detectLanguage('Hola, mi correo no funciona');
            assert.equal(es?.label, 'es');
            assert.ok(es && es.confidence > 0.5 && es.confidence <= 1);
            assert.equal((await azure.detectLanguage('Olá, meu e-mail não funciona'))?.label, 'pt');
            assert.equal((await azure.detectLanguage('Hello, my mailbox is not syncing'))?.label, 'en');
            assert.equal(warn.callCount, 0);
            const sent = fake.requests[0];
            assert.equal(sent?.path, '/text/analytics/v3.1/languages');
            assert.equal(sent?.documents[0]?.text, 'мой телефон не работает');
            assert.equal(sent?.documents[0]?.countryHint, '', 'no hint: the SDK sends an empty countryHint');
        });

        it('detectLanguage passes a country hint for a language hint', async () => {
            const azure = service(spyLogger().logger);
            await azure.detectLanguage('Olá, meu e-mail não funciona', 'pt');
            assert.equal(fake.requests[0]?.documents[0]?.countryHint, 'br');
        });

        it('detectLanguage: languages outside the four, and unknown text, are undefined (not failures)', async () => {
            const { logger, warn } = spyLogger();
            const azure = service(logger);
            assert.equal(await azure.detectLanguage('Bonjour, je ne peux pas envoyer mon courrier'), undefined);
            assert.equal(await azure.detectLanguage('12345 !!!'), undefined);
            assert.equal(fake.requestCount, 2);
            assert.equal(warn.callCount, 0);
        });

        it('sentiment returns the label and the negative score', async () => {
            const azure = service(spyLogger().logger);
            assert.deepEqual(await azure.sentiment('This is terrible, nothing works', 'en'), { label: 'negative', negative: 0.92 });
            assert.deepEqual(await azure.sentiment('Всё ужасно, почта не работает', 'ru'), { label: 'negative', negative: 0.92 });
            assert.deepEqual(await azure.sentiment('Gracias, ya funciona', 'es'), { label: 'positive', negative: 0.02 });
            assert.deepEqual(await azure.sentiment('Obrigado, mas está horrível', 'pt'), { label: 'mixed', negative: 0.45 });
            assert.equal((await azure.sentiment('The licence count is 25'))?.label, 'neutral');
            assert.equal(fake.requests[0]?.path, '/text/analytics/v3.1/sentiment');
            assert.equal(fake.requests[0]?.documents[0]?.language, 'en');
            assert.equal(fake.requests[3]?.documents[0]?.language, 'pt-BR');
            assert.equal(fake.requests[4]?.documents[0]?.language, 'en', 'defaults to en without a hint');
        });

        it('redactPii returns the service redactedText', async () => {
            const azure = service(spyLogger().logger);
            const text = 'Write to ana@contoso.com or call +34 612 345 678';
            assert.equal(await azure.redactPii(text, 'en'), `Write to ${'*'.repeat(15)} or call ${'*'.repeat(15)}`);
            assert.equal(fake.requests[0]?.path, '/text/analytics/v3.1/entities/recognition/pii');
            assert.equal(fake.requests[0]?.query.stringIndexType, 'Utf16CodeUnit');
        });

        it('keyPhrases returns the service phrases', async () => {
            const azure = service(spyLogger().logger);
            assert.deepEqual(await azure.keyPhrases('Outlook cannot reach Exchange Online since Monday', 'en'), ['Outlook', 'Exchange', 'Online', 'Monday']);
            assert.equal(fake.requests[0]?.path, '/text/analytics/v3.1/keyPhrases');
        });

        it('empty text is answered locally (no request)', async () => {
            const azure = service(spyLogger().logger);
            assert.equal(await azure.detectLanguage('   '), undefined);
            assert.equal(await azure.sentiment(''), undefined);
            assert.equal(await azure.redactPii(''), undefined);
            assert.equal(await azure.keyPhrases(' '), undefined);
            assert.equal(fake.requestCount, 0);
        });
    });

    describe('failures → undefined, never a throw, logged once per kind', () => {
        it('wrong key → undefined, logged once', async () => {
            const { logger, warn } = spyLogger();
            const azure = service(logger, 'wrong-key');
            assert.equal(await azure.detectLanguage('Hello, my mailbox is not syncing'), undefined);
            assert.equal(await azure.sentiment('terrible'), undefined);
            assert.equal(await azure.keyPhrases('Outlook'), undefined);
            assert.equal(fake.requestCount, 3);
            assert.equal(warn.callCount, 1);
            const [fields] = warn.firstCall.args as [Record<string, unknown>];
            assert.equal(fields.failure, 'auth');
            assert.equal(fields.status, 401);
            assert.equal(fields.operation, 'detectLanguage');
        });

        for (const [mode, failure, status] of [
            ['429', 'throttled', 429],
            ['500', 'server', 500],
        ] as const) {
            it(`${mode} → undefined at once, without retries`, async () => {
                fake.mode = mode;
                const { logger, warn } = spyLogger();
                const azure = service(logger);
                const { value, ms } = await timed(() => azure.sentiment('This is terrible', 'en'));
                assert.equal(value, undefined);
                assert.ok(ms < TIMEOUT_MS, `took ${ms} ms`);
                assert.equal(fake.requestCount, 1, 'maxRetries: 0');
                assert.equal(warn.callCount, 1);
                const [fields] = warn.firstCall.args as [Record<string, unknown>];
                assert.equal(fields.failure, failure);
                assert.equal(fields.status, status);
            });
        }

        for (const mode of ['slow', 'hang'] as const) {
            it(`${mode} → undefined within the timeout (+ slack)`, async () => {
                fake.mode = mode;
                const { logger, warn } = spyLogger();
                const azure = service(logger);
                const { value, ms } = await timed(() => azure.detectLanguage('Hello, my mailbox is not syncing'));
                assert.equal(value, undefined);
                assert.ok(ms >= TIMEOUT_MS - 50, `returned early after ${ms} ms`);
                assert.ok(ms < UPPER_BOUND_MS, `took ${ms} ms`);
                assert.equal(warn.callCount, 1);
                assert.equal((warn.firstCall.args as [Record<string, unknown>])[0].failure, 'timeout');
            });
        }

        it('document-level error → undefined, logged as a document failure', async () => {
            fake.mode = 'document-error';
            const { logger, warn } = spyLogger();
            const azure = service(logger);
            assert.equal(await azure.keyPhrases('Outlook is down', 'en'), undefined);
            assert.equal(await azure.redactPii('ana@contoso.com', 'en'), undefined);
            assert.equal(warn.callCount, 1);
            const [fields] = warn.firstCall.args as [Record<string, unknown>];
            assert.equal(fields.failure, 'document');
            assert.equal(fields.code, 'InvalidDocument', 'the SDK reports the inner error code');
        });

        it('network error (nothing listening) → undefined', async () => {
            const closed = http.createServer();
            await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
            const { port } = closed.address() as AddressInfo;
            await new Promise<void>((resolve) => closed.close(() => resolve()));
            const { logger, warn } = spyLogger();
            const azure = new AzureLanguageService({ endpoint: `http://127.0.0.1:${port}`, key: 'k', timeoutMs: TIMEOUT_MS, logger });
            const { value, ms } = await timed(() => azure.detectLanguage('Hello there, it is broken'));
            assert.equal(value, undefined);
            assert.ok(ms < UPPER_BOUND_MS, `took ${ms} ms`);
            assert.equal((warn.firstCall.args as [Record<string, unknown>])[0].failure, 'network');
        });

        it('repeated failures log once per kind; a success resets', async () => {
            const { logger, warn, info } = spyLogger();
            const azure = service(logger);
            fake.mode = '500';
            for (let i = 0; i < 4; i++) assert.equal(await azure.keyPhrases('Outlook is down'), undefined);
            fake.mode = '429';
            for (let i = 0; i < 3; i++) assert.equal(await azure.keyPhrases('Outlook is down'), undefined);
            assert.deepEqual(
                warn.getCalls().map((c) => (c.args as [Record<string, unknown>])[0].failure),
                ['server', 'throttled'],
            );
            fake.mode = 'ok';
            assert.deepEqual(await azure.keyPhrases('Outlook is down'), ['Outlook']);
            assert.equal(info.callCount, 1, 'recovery is logged once');
            assert.deepEqual(await azure.keyPhrases('Outlook is down'), ['Outlook']);
            assert.equal(info.callCount, 1);
            fake.mode = '500';
            assert.equal(await azure.keyPhrases('Outlook is down'), undefined);
            assert.equal(warn.callCount, 3, 'after a success the same kind is logged again');
        });

        it('with a real pino logger: one warn line, no customer text, no key', async () => {
            const lines: string[] = [];
            const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
            const azure = new AzureLanguageService({ endpoint, key: 'wrong-secret-key', timeoutMs: TIMEOUT_MS, logger });
            for (let i = 0; i < 3; i++) await azure.redactPii('my e-mail is ana@contoso.com', 'en');
            assert.equal(lines.length, 1);
            const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
            assert.equal(entry.level, 40);
            assert.equal(entry.failure, 'auth');
            assert.ok(!(lines[0] as string).includes('ana@contoso.com'));
            assert.ok(!(lines[0] as string).includes('wrong-secret-key'));
        });
    });

    describe('createLanguageService', () => {
        it('needs both AZURE_LANGUAGE_ENDPOINT and AZURE_LANGUAGE_KEY', () => {
            const { logger } = spyLogger();
            assert.equal(createLanguageService({}, logger), undefined);
            assert.equal(createLanguageService({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com' }, logger), undefined);
            assert.equal(createLanguageService({ AZURE_LANGUAGE_KEY: 'k' }, logger), undefined);
            assert.equal(createLanguageService({ AZURE_LANGUAGE_ENDPOINT: ' ', AZURE_LANGUAGE_KEY: 'k' }, logger), undefined);
            const created = createLanguageService({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com', AZURE_LANGUAGE_KEY: 'k' }, logger);
            assert.ok(created instanceof AzureLanguageService);
            assert.equal(created.timeoutMs, 1500);
        });

        it('works against the fake', async () => {
            const created = createLanguageService({ AZURE_LANGUAGE_ENDPOINT: endpoint, AZURE_LANGUAGE_KEY: 'right-key' }, spyLogger().logger);
            assert.equal((await created?.detectLanguage('мой телефон не работает'))?.label, 'ru');
        });
    });

    describe('AzureAwareClassifier', () => {
        it('takes the language from Azure when Azure is at least as confident', async () => {
            const classifier = new AzureAwareClassifier(new FixedClassifier('es', 0.4), service(spyLogger().logger));
            const result = await classifier.classify('мой телефон не работает');
            assert.deepEqual(result.language, { label: 'ru', confidence: 1 });
            assert.equal(result.category.label, 'technical', 'everything else from the local model');
        });

        it('keeps the local language when the local model is more confident', async () => {
            const classifier = new AzureAwareClassifier(new FixedClassifier('pt', 0.995), service(spyLogger().logger));
            const result = await classifier.classify('Hola, mi correo no funciona');
            assert.deepEqual(result.language, { label: 'pt', confidence: 0.995 });
        });

        for (const mode of ['500', '429', 'hang'] as const) {
            it(`falls back to the local language when Azure fails (${mode}), within the timeout`, async () => {
                fake.mode = mode;
                const local = new KeywordClassifier();
                const text = 'Hola, Outlook no funciona desde ayer';
                const expected = await local.classify(text);
                const classifier = new AzureAwareClassifier(local, service(spyLogger().logger));
                const { value, ms } = await timed(() => classifier.classify(text));
                assert.deepEqual(value, expected);
                assert.ok(ms < UPPER_BOUND_MS, `took ${ms} ms`);
            });
        }

        it('without an Azure service it is the local classifier', async () => {
            const local = new FixedClassifier('en', 0.3);
            assert.deepEqual(await new AzureAwareClassifier(local).classify('anything'), await local.classify());
        });
    });
});
