import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import type { Selectable } from 'kysely';
import type { TicketsTable } from '../../src/store/schema';

/** A tickets row as stored (tests read the database itself). */
type TicketRow = Selectable<TicketsTable>;
import { FakeChannel, type ChannelActivity } from '../fakes/fakeChannel';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './testDatabase';

/** Monday 23 November 2026, 10:00 in Madrid (the example partner's zone): within hours. */
export const MONDAY_10_MADRID = DateTime.fromISO('2026-11-23T09:00:00Z', { zone: 'utc' });

export interface HarnessOptions {
    env?: Record<string, string>;
    now?: DateTime;
    /** Reuse a database file (to test restarts). */
    databaseFile?: string;
    /** Extra certificate authority trusted for AUTHORITY_HOST (the fake token endpoint's). */
    authorityCa?: AppOverrides['authorityCa'];
    /** Where the app logs (default: nowhere). */
    logger?: Logger;
}

/**
 * The real bot behind the real HTTP server, a fake channel, and a temporary SQLite file, or
 * under TEST_DATABASE_URL a fresh PostgreSQL database (unless `env` sets DATABASE_URL itself,
 * empty meaning SQLite, or a `databaseFile` is given).
 */
export class BotHarness {
    readonly channel = new FakeChannel();
    app!: App;
    config!: AppConfig;
    /** The bot's clock; tests move it to test timeouts and hours. */
    clock: DateTime = MONDAY_10_MADRID;
    baseUrl = '';
    private dir = '';
    private seq = 0;
    private ids = 0;
    private channelStarted = false;
    private postgres?: TestDatabase;

    static async start(options: HarnessOptions = {}): Promise<BotHarness> {
        const harness = new BotHarness();
        await harness.boot(options);
        return harness;
    }

    private env: Record<string, string> = {};

    private async boot(options: HarnessOptions): Promise<void> {
        this.env = options.env ?? {};
        if (!options.databaseFile) this.dir = mkdtempSync(path.join(os.tmpdir(), 'csp-bot-'));
        const databaseFile = options.databaseFile ?? path.join(this.dir, 'bot.sqlite');
        if (TEST_DATABASE_URL && !this.postgres && !options.databaseFile && options.env?.DATABASE_URL === undefined) this.postgres = await createTestDatabase();
        // Tests speak as Teams agents without Bot Framework tokens (the fake channel has none).
        this.config = loadConfig({ DATABASE_FILE: databaseFile, LOG_LEVEL: 'silent', ALLOW_AGENTS_WITHOUT_AUTH: 'true', ...(this.postgres ? { DATABASE_URL: this.postgres.url } : {}), ...options.env });
        if (options.now) this.clock = options.now;
        this.app = await createApp(this.config, options.logger ?? createLogger('silent'), { now: () => this.clock, newId: () => `intake-${++this.ids}-${Date.now()}`, authorityCa: options.authorityCa });
        await new Promise<void>((resolve) => this.app.server.listen(0, '127.0.0.1', resolve));
        this.baseUrl = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
        if (!this.channelStarted) {
            await this.channel.start();
            this.channelStarted = true;
        }
    }

    get databaseFile(): string {
        return this.config.DATABASE_FILE;
    }

    /** Posts a raw body to /api/messages. */
    post(body: string, contentType = 'application/json'): Promise<Response> {
        return fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    }

    /** Sends a customer activity and returns the bot's replies to it. */
    async send(activity: Record<string, unknown>, conversationId = 'conv-1', channelId = 'webchat'): Promise<ChannelActivity[]> {
        this.channel.take();
        const body = {
            type: 'message',
            id: `act-${++this.seq}`,
            channelId,
            serviceUrl: this.channel.url,
            conversation: { id: conversationId },
            from: { id: 'user-1', name: 'Alex Kim' },
            recipient: { id: 'bot', name: 'Support' },
            locale: 'en-US',
            ...activity,
        };
        const res = await this.post(JSON.stringify(body));
        if (res.status >= 300) throw new Error(`send(): HTTP ${res.status} ${await res.text()}`);
        return this.channel.take();
    }

    say(text: string, conversationId?: string, extra: Record<string, unknown> = {}): Promise<ChannelActivity[]> {
        return this.send({ text, ...extra }, conversationId);
    }

    /** Clicks a card button: posts its Action.Submit data as `value`, replying to the card as channels do. */
    click(data: Record<string, unknown>, conversationId?: string): Promise<ChannelActivity[]> {
        return this.send({ value: data, replyToId: CARD_OF.get(data) }, conversationId);
    }

    /**
     * Describes an issue and answers any clarifying question (category, product, kind) with
     * the given choice values, in any language, until the "what I understood" card.
     */
    async describe(text: string, answers: { category?: string; product?: string; kind?: string } = {}, conversationId?: string): Promise<ChannelActivity[]> {
        let replies = await this.say(text, conversationId);
        for (let i = 0; i < 3; i++) {
            const prompt = promptOf(replies);
            if (prompt === 'intake-confirm') return replies;
            const field = prompt?.replace('intake-', '') as keyof typeof answers | undefined;
            const answer = field ? answers[field] : undefined;
            if (!answer || !field) throw new Error(`describe(): unexpected question ${prompt}:\n${visibleText(replies)}`);
            replies = await this.click(choice(replies, prompt as string, answer), conversationId);
        }
        return replies;
    }

    async tickets(): Promise<TicketRow[]> {
        return this.app.database.db.selectFrom('tickets').selectAll().orderBy('id').execute();
    }

    /** Stops the server but keeps the database file, then starts a fresh process-equivalent on it. */
    async restart(): Promise<void> {
        await this.app.drain(1000);
        await this.app.database.close();
        await this.boot({ databaseFile: this.config.DATABASE_FILE, env: this.env });
    }

    async stop(): Promise<void> {
        await this.app.drain(1000);
        await this.app.database.close();
        await this.channel.stop();
        await this.postgres?.drop();
        if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    }
}

/** All text a user would read in replies: message text and every TextBlock/Fact/button of cards. */
export function visibleText(replies: ChannelActivity[]): string {
    const parts: string[] = [];
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') parts.push(o[key] as string);
        for (const [key, v] of Object.entries(o)) if (key !== 'data' && typeof v === 'object') walk(v);
    };
    for (const r of replies) {
        if (r.text) parts.push(r.text);
        walk(r.attachments?.map((a) => a.content));
    }
    return parts.join('\n');
}

/** The Action.Submit data of the button titled `title` in the replies' cards. */
export function button(replies: ChannelActivity[], title: string | RegExp): Record<string, unknown> {
    for (const r of replies) {
        for (const a of r.attachments ?? []) {
            const actions = (a.content.actions ?? []) as Array<{ title: string; data?: Record<string, unknown> }>;
            const hit = actions.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
            if (hit?.data && typeof r.id === 'string') CARD_OF.set(hit.data, r.id);
            if (hit?.data) return hit.data;
        }
    }
    throw new Error(`button(): no button ${String(title)} in replies:\n${visibleText(replies)}`);
}

/** Which card (activity id) a button's data came from, so a click can reply to it. */
const CARD_OF = new WeakMap<object, string>();

function submits(replies: ChannelActivity[]): Array<Record<string, unknown>> {
    return replies.flatMap((r) =>
        (r.attachments ?? []).flatMap((a) =>
            ((a.content.actions ?? []) as Array<{ data?: Record<string, unknown> }>).flatMap((x) => {
                if (!x.data) return [];
                if (typeof r.id === 'string') CARD_OF.set(x.data, r.id);
                return [x.data];
            }),
        ),
    );
}

/** The prompt id of the question card in the replies (language-independent). */
export function promptOf(replies: ChannelActivity[]): string | undefined {
    return submits(replies)[0]?.prompt as string | undefined;
}

/** The submit data of the button with choice `value` on the card asking `prompt`. */
export function choice(replies: ChannelActivity[], prompt: string, value: string): Record<string, unknown> {
    const hit = submits(replies).find((d) => d.prompt === prompt && d.choice === value);
    if (!hit) throw new Error(`choice(): no ${prompt}=${value} in replies:\n${visibleText(replies)}`);
    return hit;
}
