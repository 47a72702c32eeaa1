import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on a free loopback port: the transport every fake service shares. */
export class LoopbackServer {
    private server?: http.Server;

    constructor(
        private readonly handler: http.RequestListener,
        private readonly options: { keepAliveTimeoutMs?: number } = {},
    ) {}

    /** Listens and returns the origin, e.g. http://127.0.0.1:41234. */
    async start(): Promise<string> {
        this.server = http.createServer(this.handler);
        if (this.options.keepAliveTimeoutMs !== undefined) this.server.keepAliveTimeout = this.options.keepAliveTimeoutMs;
        await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
        return this.origin;
    }

    get origin(): string {
        const { port } = this.server?.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
    }

    /** Closes open connections too, so a hanging request does not keep the test waiting. */
    async stop(): Promise<void> {
        const server = this.server;
        if (!server) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        this.server = undefined;
    }
}
