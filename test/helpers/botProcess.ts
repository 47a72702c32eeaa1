import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import type { ChannelActivity, FakeChannel } from '../fakes/fakeChannel';
import { choice, promptOf, visibleText } from './botHarness';

/** A free TCP port on loopback (released just before the bot binds it). */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}

/** Where the process keeps its data: PostgreSQL or a SQLite file. */
export type ProcessDatabase = { DATABASE_URL: string } | { DATABASE_FILE: string };

/**
 * The bot as a separate operating-system process, started the way `npm run dev` starts it (without the watcher:
 * `node --import tsx src/index.ts`), configured through its environment only.
 */
export class BotProcess {
    private output = '';
    private exited: Promise<number | null>;

    private constructor(
        private readonly child: ChildProcess,
        readonly url: string,
    ) {
        const keep = (chunk: Buffer): void => {
            this.output = (this.output + chunk.toString('utf8')).slice(-4000);
        };
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
        this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    }

    /** Starts a process and resolves once its /healthz answers 200. */
    static async start(database: ProcessDatabase, env: Record<string, string> = {}): Promise<BotProcess> {
        const port = await freePort();
        const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'index.ts')], {
            cwd: projectRoot(),
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MicrosoftAppId: '', DATABASE_URL: '', AZURE_LANGUAGE_ENDPOINT: '', ...database, ...env },
        });
        const bot = new BotProcess(child, `http://127.0.0.1:${port}`);
        await bot.waitUntilHealthy();
        return bot;
    }

    private async waitUntilHealthy(): Promise<void> {
        let gone = false;
        void this.exited.then(() => (gone = true));
        for (let i = 0; i < 600 && !gone; i++) {
            const status = await fetch(`${this.url}/healthz`).then((r) => r.status, () => 0);
            if (status === 200) return;
            await new Promise((r) => setTimeout(r, 100));
        }
        this.child.kill('SIGKILL');
        throw new Error(`BotProcess.start(): the bot did not become healthy:\n${this.output}`);
    }

    /** False once the process has exited, for whatever reason. */
    get running(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    /** What the process printed last (for failure messages). */
    get log(): string {
        return this.output;
    }

    /** kill -9: no draining, no closing of the database. */
    async kill(): Promise<void> {
        this.child.kill('SIGKILL');
        await this.exited;
    }

    /** SIGTERM (finish in-flight turns, close the database), SIGKILL if it takes too long. */
    async stop(): Promise<void> {
        if (this.child.exitCode !== null || this.child.signalCode !== null) return;
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
        await this.exited;
        clearTimeout(timer);
    }
}

/** One customer in one conversation, whose messages can go to any bot instance; replies arrive at the fake channel. */
export class ChannelUser {
    private seq = 0;

    constructor(
        private readonly channel: FakeChannel,
        readonly conversationId: string,
        private readonly locale = 'en-US',
    ) {}

    /** Posts an activity to the bot at `botUrl`; returns the HTTP status and the replies to this activity. */
    async send(botUrl: string, activity: Record<string, unknown>): Promise<{ status: number; replies: ChannelActivity[] }> {
        const id = `${this.conversationId}-${++this.seq}`;
        const body = {
            type: 'message',
            id,
            channelId: 'webchat',
            serviceUrl: this.channel.url,
            conversation: { id: this.conversationId },
            from: { id: `user-${this.conversationId}`, name: 'Alex Kim' },
            recipient: { id: 'bot', name: 'Support' },
            locale: this.locale,
            ...activity,
        };
        const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await res.arrayBuffer();
        return { status: res.status, replies: this.channel.received.filter((r) => r.replyToId === id) };
    }

    /** Says `text`; throws on a non-2xx answer. */
    async say(botUrl: string, text: string): Promise<ChannelActivity[]> {
        return ok(await this.send(botUrl, { text }));
    }

    /** Clicks a button whose Action.Submit data came from one of `replies`, replying to that card as channels do. */
    async click(botUrl: string, replies: ChannelActivity[], data: Record<string, unknown>): Promise<ChannelActivity[]> {
        return ok(await this.send(botUrl, { value: data, replyToId: cardOf(replies, data) }));
    }
}

function ok(result: { status: number; replies: ChannelActivity[] }): ChannelActivity[] {
    if (result.status >= 300) throw new Error(`ChannelUser: HTTP ${result.status}`);
    return result.replies;
}

/** The id of the card (among `replies`) that carries this submit data. */
export function cardOf(replies: ChannelActivity[], data: Record<string, unknown>): string | undefined {
    const hit = replies.find((r) => (r.attachments ?? []).some((a) => ((a.content.actions ?? []) as Array<{ data?: unknown }>).some((x) => x.data === data)));
    return hit?.id as string | undefined;
}

/** A technical break-fix issue the classifier is sure about (no clarifying questions). */
export const ISSUE = 'Teams calls keep dropping for everyone, the audio breaks up with an error';

/**
 * Answers whatever the bot asks (the question is read from the last replies) until the
 * confirmation card of the escalation; each answer goes to the next instance in turn.
 */
export async function answerUntilConfirmation(user: ChannelUser, next: () => string, replies: ChannelActivity[]): Promise<ChannelActivity[]> {
    const cardAnswers: Record<string, string> = { 'intake-confirm': 'yes', impact: 'moderate', 'guidance-solved': 'no' };
    for (let step = 0; step < 10; step++) {
        const prompt = promptOf(replies);
        if (prompt === 'escalation-confirm') return replies;
        const answer = prompt ? cardAnswers[prompt] : undefined;
        const text = visibleText(replies);
        if (prompt && answer) replies = await user.click(next(), replies, choice(replies, prompt, answer));
        else if (/e-mail address/.test(text)) replies = await user.say(next(), 'alex.kim@fabrikam.example');
        else if (/organisation/.test(text)) replies = await user.say(next(), 'Fabrikam Ltd');
        else if (/What can I help you with/.test(text)) replies = await user.say(next(), ISSUE);
        else throw new Error(`answerUntilConfirmation(): unexpected question:\n${text}`);
    }
    throw new Error('answerUntilConfirmation(): no confirmation card after 10 answers');
}
