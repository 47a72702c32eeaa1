import net from 'node:net';

/**
 * A TCP relay in front of a server (PostgreSQL here) that a test can cut, as a network
 * failure or a stopped database would: open connections are reset and new ones refused,
 * until `restore` listens again on the same port.
 */
export class TcpProxy {
    port = 0;
    private server?: net.Server;
    private readonly sockets = new Set<net.Socket>();

    constructor(private readonly target: { host: string; port: number }) {}

    async start(port = this.port): Promise<void> {
        const server = net.createServer((client) => {
            const upstream = net.connect(this.target);
            for (const socket of [client, upstream]) {
                this.sockets.add(socket);
                socket.on('close', () => this.sockets.delete(socket));
                socket.on('error', () => {
                    client.destroy();
                    upstream.destroy();
                });
            }
            client.pipe(upstream).pipe(client);
        });
        await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, '127.0.0.1', resolve);
        });
        this.server = server;
        this.port = (server.address() as net.AddressInfo).port;
    }

    /** Resets every connection and refuses new ones. */
    async cut(): Promise<void> {
        const server = this.server;
        this.server = undefined;
        for (const socket of this.sockets) socket.resetAndDestroy();
        if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    /** Accepts connections again, on the same port. */
    restore(): Promise<void> {
        return this.start(this.port);
    }
}
