import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity as a bot posted it to the channel (only what the customers read). */
export interface PostedActivity {
    /** The id the channel gave the activity (cards are replaced by it). */
    id?: string;
    text?: string;
    attachments?: Array<{ content?: { actions?: Array<{ data?: Record<string, unknown> }> } }>;
}

/**
 * The channel connector for the benchmark: the real Bot Framework REST contract
 * (POST /v3/conversations/{id}/activities[/{replyToId}], PUT .../activities/{id}) with each
 * conversation's replies kept in its own inbox until its customer takes them, so that
 * thousands of conversations can run at once with little bookkeeping.
 */
export class BenchChannel {
    private readonly inboxes = new Map<string, PostedActivity[]>();
    private readonly server = http.createServer((req, res) => this.handle(req, res));
    private nextId = 1;
    /** Requests the channel could not read (counted as errors by the benchmark). */
    badRequests = 0;

    async start(): Promise<void> {
        this.server.keepAliveTimeout = 30_000;
        // A long accept queue: the bots open many connections at once under load.
        await new Promise<void>((resolve) => this.server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
    }

    get url(): string {
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    /** The replies posted to a conversation since the last call. */
    take(conversationId: string): PostedActivity[] {
        const inbox = this.inboxes.get(conversationId) ?? [];
        this.inboxes.delete(conversationId);
        return inbox;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
            const conversationId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
            if (!conversationId || (req.method !== 'POST' && req.method !== 'PUT')) {
                this.badRequests++;
                res.statusCode = 404;
                res.end();
                return;
            }
            const id = req.method === 'PUT' && match?.[2] ? match[2] : `r${this.nextId++}`;
            if (req.method === 'POST') {
                try {
                    const activity = { ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostedActivity), id };
                    const inbox = this.inboxes.get(conversationId);
                    if (inbox) inbox.push(activity);
                    else this.inboxes.set(conversationId, [activity]);
                } catch {
                    this.badRequests++;
                }
            }
            // No chaining on writeHead: restify, when loaded, patches ServerResponse.
            res.statusCode = 200;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ id }));
        });
    }
}
