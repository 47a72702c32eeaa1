import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Azure Bot Service's Direct Line token service, as the bot's token endpoint calls it:
 * POST /v3/directline/tokens/generate with `Authorization: Bearer <secret>` and
 * `{ user: { id } }`, answering `{ conversationId, token, expires_in }`.
 */
export class FakeDirectLine {
    readonly requests: Array<{ authorization?: string; body: unknown }> = [];
    mode: 'ok' | '500' | 'hang' = 'ok';
    private server?: http.Server;

    constructor(private readonly secret: string) {}

    async start(): Promise<string> {
        this.server = http.createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
                const body: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
                this.requests.push({ authorization: req.headers.authorization, body });
                if (this.mode === 'hang') return;
                res.setHeader('content-type', 'application/json');
                if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
                    res.statusCode = 404;
                    return void res.end('{}');
                }
                if (req.headers.authorization !== `Bearer ${this.secret}`) {
                    res.statusCode = 403;
                    return void res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Invalid secret' } }));
                }
                if (this.mode === '500') {
                    res.statusCode = 500;
                    return void res.end('{}');
                }
                res.statusCode = 200;
                res.end(JSON.stringify({ conversationId: 'AzureConv1', token: 'azure-token-123', expires_in: 3600 }));
            });
        });
        await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections();
        await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }
}
