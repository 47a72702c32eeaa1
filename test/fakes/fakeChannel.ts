import http from 'node:http';
import { LoopbackServer } from './loopbackServer';

/** An activity as the bot posted it to the channel. */
export interface ChannelActivity {
    type: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
    conversation?: { id: string };
    replyToId?: string;
    [key: string]: unknown;
}

/**
 * A Bot Framework channel connector that speaks the real REST contract the bot's
 * ConnectorClient calls: POST /v3/conversations/{id}/activities[/{replyToId}] and
 * PUT /v3/conversations/{id}/activities/{activityId}. It records what the bot sends.
 */
export class FakeChannel {
    readonly received: ChannelActivity[] = [];
    readonly updated: ChannelActivity[] = [];
    /** Every activity received, never cleared by take() (for messages that arrive between turns). */
    readonly history: ChannelActivity[] = [];
    /** Conversations the bot created (POST /v3/conversations), e.g. a 1:1 chat with an agent. */
    readonly created: Array<Record<string, unknown>> = [];
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res));
    private nextId = 1;

    async start(): Promise<string> {
        await this.http.start();
        return this.url;
    }

    get url(): string {
        return `${this.http.origin}`;
    }

    async stop(): Promise<void> {
        await this.http.stop();
    }

    /** Everything received since the last call. */
    take(): ChannelActivity[] {
        return this.received.splice(0, this.received.length);
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            if (req.method === 'POST' && req.url === '/v3/conversations') {
                const parameters = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
                const id = `a:created-${this.created.length + 1}`;
                this.created.push({ ...parameters, id });
                res.statusCode = 200;
                res.setHeader('content-type', 'application/json');
                res.end(JSON.stringify({ id, serviceUrl: this.url }));
                return;
            }
            const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
            if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
                res.statusCode = 404;
                res.end();
                return;
            }
            const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChannelActivity;
            const id = req.method === 'PUT' ? (match[2] as string) : `reply-${this.nextId++}`;
            (req.method === 'PUT' ? this.updated : this.received).push({ ...activity, id });
            if (req.method === 'POST') this.history.push({ ...activity, id });
            // restify patches ServerResponse globally, so no chaining on writeHead here.
            res.statusCode = 200;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ id }));
        });
    }
}
