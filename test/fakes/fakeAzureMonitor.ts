import { writeFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { testCertificate } from './selfSignedCert';

/** One Application Insights envelope as the ingestion endpoint receives it (the fields the tests read). */
const EnvelopeSchema = z.looseObject({
    name: z.string(),
    time: z.string().optional(),
    iKey: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    data: z.looseObject({
        baseType: z.string(),
        baseData: z.looseObject({
            name: z.string().optional(),
            id: z.string().optional(),
            type: z.string().optional(),
            resultCode: z.string().optional(),
            properties: z.record(z.string(), z.unknown()).optional(),
            metrics: z.array(z.looseObject({ name: z.string(), value: z.number(), count: z.number().optional() })).optional(),
        }),
    }),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/**
 * Azure Monitor's ingestion endpoint (Breeze, `POST <IngestionEndpoint>/v2.1/track`, a JSON
 * array of envelopes, gzip when the exporter says so) and a live-metrics endpoint that accepts
 * anything, over https with a throw-away certificate (the Azure SDK turns http endpoints into
 * https). Point a connection string at it with {@link connectionString}; the process that
 * exports must trust {@link caFile} (NODE_EXTRA_CA_CERTS).
 */
export class FakeAzureMonitor {
    readonly envelopes: Envelope[] = [];
    private server?: https.Server;
    private readonly handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            let accepted = 0;
            if (req.method === 'POST' && req.url?.endsWith('/track')) {
                const raw = Buffer.concat(chunks);
                const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
                const items = z.array(z.unknown()).parse(JSON.parse(text));
                for (const item of items) {
                    const parsed = EnvelopeSchema.safeParse(item);
                    if (parsed.success) this.envelopes.push(parsed.data);
                }
                accepted = items.length;
            }
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ itemsReceived: accepted, itemsAccepted: accepted, errors: [] }));
        });
    };

    async start(): Promise<void> {
        const { key, cert } = testCertificate();
        const server = https.createServer({ key, cert }, this.handle);
        this.server = server;
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }

    async stop(): Promise<void> {
        const server = this.server;
        if (!server) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    private get origin(): string {
        return `https://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    }

    /** A connection string whose ingestion and live endpoints are this fake. */
    get connectionString(): string {
        return `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${this.origin}/;LiveEndpoint=${this.origin}/`;
    }

    /** A file holding the certificate, for NODE_EXTRA_CA_CERTS. */
    caFile(): string {
        const file = path.join(os.tmpdir(), `csp-fake-azure-monitor-${process.pid}.pem`);
        writeFileSync(file, testCertificate().cert);
        return file;
    }

    /** Envelopes of one telemetry type: 'RequestData', 'RemoteDependencyData', 'MetricData', … */
    of(baseType: string): Envelope[] {
        return this.envelopes.filter((e) => e.data.baseType === baseType);
    }

    /** The names of the metrics received so far. */
    metricNames(): Set<string> {
        return new Set(this.of('MetricData').flatMap((e) => (e.data.baseData.metrics ?? []).map((m) => m.name)));
    }
}
