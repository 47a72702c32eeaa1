import assert from 'node:assert/strict';
import net from 'node:net';
import { BotHarness, visibleText } from '../helpers/botHarness';

/** A raw TCP client: what it sends, and when the server closed the connection (ms after connecting). */
class TcpClient {
    readonly socket: net.Socket;
    received = '';
    readonly closed: Promise<number>;

    constructor(baseUrl: string) {
        const url = new URL(baseUrl);
        const started = Date.now();
        this.socket = net.connect(Number(url.port), url.hostname);
        this.socket.on('data', (d: Buffer) => (this.received += d.toString('latin1')));
        this.socket.on('error', () => undefined);
        this.closed = new Promise((resolve) => this.socket.once('close', () => resolve(Date.now() - started)));
    }

    /** Writes `text` one character every `everyMs` until the connection closes. */
    trickle(text: string, everyMs: number): void {
        let i = 0;
        const timer = setInterval(() => {
            if (this.socket.destroyed || i >= text.length) return clearInterval(timer);
            this.socket.write(text[i++] ?? '');
        }, everyMs);
        this.socket.once('close', () => clearInterval(timer));
    }
}

describe('slow clients and connection caps', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start({ env: { REQUEST_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '8' } });
    });
    after(() => bot.stop());

    it('closes the connection of a client that sends its headers and then trickles the body', async () => {
        const client = new TcpClient(bot.baseUrl);
        client.socket.write(`POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"type":`);
        client.trickle('x'.repeat(10_000), 100);
        const closedAfter = await client.closed;
        assert.ok(closedAfter < 4000, `closed after ${closedAfter} ms`);
        assert.match(client.received, /^HTTP\/1\.1 408/);
    });

    it('closes the connection of a client that trickles its headers', async () => {
        const client = new TcpClient(bot.baseUrl);
        client.trickle(`GET /healthz HTTP/1.1\r\nHost: bot\r\nX-Slow: ${'y'.repeat(1000)}\r\n\r\n`, 100);
        const closedAfter = await client.closed;
        assert.ok(closedAfter < 4000, `closed after ${closedAfter} ms`);
    });

    it('accepts at most MAX_CONNECTIONS connections at once, and serves again when they close', async () => {
        const held = Array.from({ length: 8 }, () => new TcpClient(bot.baseUrl));
        await Promise.all(held.map((c) => new Promise((resolve) => c.socket.once('connect', resolve))));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const extra = new TcpClient(bot.baseUrl);
        extra.socket.write('GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n');
        const closedAfter = await Promise.race([extra.closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 800))]);
        assert.ok(closedAfter >= 0, 'the connection over the cap was closed at once');
        assert.equal(extra.received, '', 'and got no answer');
        for (const c of held) c.socket.destroy();
        await Promise.all(held.map((c) => c.closed));
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.match(visibleText(await bot.say('hi', 'after-the-cap')), /support assistant/);
    });
});
