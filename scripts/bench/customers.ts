import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BenchChannel, PostedActivity } from './benchChannel';

/** Latencies and errors of one measured run. */
export class Recorder {
    readonly latencies: number[] = [];
    errors = 0;
    readonly reasons = new Map<string, number>();
    /** Conversations whose customer got what they came for (an intake: the ticket number). */
    readonly completedConversations: string[] = [];

    get completed(): number {
        return this.completedConversations.length;
    }

    error(reason: string): void {
        this.errors++;
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    }

    complete(conversationId: string): void {
        this.completedConversations.push(conversationId);
    }
}

/**
 * Connections to the bot, shared by all conversations as a channel service's pool is (a
 * channel does not open one connection per customer); requests beyond it wait their turn.
 */
const CHANNEL_CONNECTIONS = 256;

/** The channel's side of the HTTP calls to the bot: a keep-alive pool shared by all customers. */
export class HttpClient {
    // Idle sockets are dropped before the server's 5 s keep-alive timeout can race a reuse.
    private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CHANNEL_CONNECTIONS, timeout: 3000 });

    /** POSTs JSON and resolves with the status once the response body has been read. */
    post(url: string, body: string): Promise<number> {
        return new Promise((resolve, reject) => {
            const req = http.request(url, { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode ?? 0));
                res.on('error', reject);
            });
            req.on('error', reject);
            req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
            req.end(body);
        });
    }

    /**
     * Opens the pool's connections before a measured run (GET /healthz on each), as a channel's
     * pool to a busy bot is already open: connection set-up under load is not what is measured.
     */
    async warm(baseUrl: string): Promise<void> {
        const get = () =>
            new Promise<void>((resolve, reject) => {
                const req = http.request(`${baseUrl}/healthz`, { agent: this.agent }, (res) => {
                    res.resume();
                    res.on('end', () => resolve());
                });
                req.on('error', reject);
                req.end();
            });
        await Promise.all(Array.from({ length: CHANNEL_CONNECTIONS }, get));
    }

    close(): void {
        this.agent.destroy();
    }
}

export interface CustomerContext {
    /**
     * The bot instances behind the bench's round-robin: turn t of conversation i goes to
     * instance (i + t) mod n, so the turns are spread evenly and, with two or more instances,
     * no two consecutive turns of a conversation reach the same one (its state must travel
     * through the shared database).
     */
    serverUrls: readonly string[];
    channel: BenchChannel;
    client: HttpClient;
    recorder: Recorder;
    /** Distinguishes conversations of different runs against one server. */
    run: string;
    /** Milliseconds a customer takes to read and type before each turn after the first (0: none). */
    think?: () => number;
}

/** A step the customer did not expect (wrong reply, HTTP error): counted as one error. */
class FlowError extends Error {
    constructor(reason: string) {
        super(reason);
        this.name = 'FlowError';
    }
}

type Reply = PostedActivity;

interface Scenario {
    description: string;
    impact: 'critical' | 'moderate' | 'minimal';
}

/** Issues the trained classifier files without asking back (checked in the test suite's e2e flows). */
const SCENARIOS: Scenario[] = [
    { description: 'Outlook is not receiving any emails since this morning, Exchange Online shows an error', impact: 'critical' },
    { description: 'Our last invoice charged us twice for the Microsoft 365 Business Premium licences', impact: 'moderate' },
    { description: 'Teams calls keep dropping for everyone, the audio breaks up with an error', impact: 'moderate' },
    { description: 'Azure VM will not start, AllocationFailed error in the portal since the update', impact: 'minimal' },
];

/** One conversation: sends activities as a channel would and reads the replies from the channel. */
class Conversation {
    private seq = 0;
    readonly id: string;

    constructor(
        private readonly ctx: CustomerContext,
        private readonly index: number,
        private readonly name: string,
    ) {
        this.id = `${ctx.run}-${index}`;
    }

    async send(activity: Record<string, unknown>): Promise<Reply[]> {
        const think = this.seq > 0 ? (this.ctx.think?.() ?? 0) : 0;
        if (think > 0) await new Promise((resolve) => setTimeout(resolve, think));
        const body = JSON.stringify({
            type: 'message',
            id: `${this.id}-${++this.seq}`,
            channelId: 'webchat',
            serviceUrl: this.ctx.channel.url,
            conversation: { id: this.id },
            from: { id: `user-${this.id}`, name: this.name },
            recipient: { id: 'bot', name: 'Support' },
            locale: 'en-US',
            ...activity,
        });
        const urls = this.ctx.serverUrls;
        const serverUrl = urls[(this.index + this.seq) % urls.length] as string;
        const started = performance.now();
        let status: number;
        try {
            status = await this.ctx.client.post(`${serverUrl}/api/messages`, body);
        } catch (err) {
            throw new FlowError(`network: ${(err as Error).message}`);
        }
        this.ctx.recorder.latencies.push(performance.now() - started);
        if (status >= 300) throw new FlowError(`HTTP ${status}`);
        return this.ctx.channel.take(this.id) as Reply[];
    }

    say(text: string): Promise<Reply[]> {
        return this.send({ text });
    }

    /** Clicks the card button with this choice, replying to its card as Teams and Web Chat do. */
    click(replies: Reply[], choice: string): Promise<Reply[]> {
        for (const reply of replies) {
            for (const action of reply.attachments?.flatMap((a) => a.content?.actions ?? []) ?? []) {
                if (action.data?.choice === choice) return this.send({ value: action.data, replyToId: reply.id });
            }
        }
        throw new FlowError(`no button "${choice}"`);
    }
}

function promptOf(replies: Reply[]): string | undefined {
    for (const reply of replies) {
        for (const action of reply.attachments?.flatMap((a) => a.content?.actions ?? []) ?? []) {
            if (typeof action.data?.prompt === 'string') return action.data.prompt;
        }
    }
    return undefined;
}

function firstChoice(replies: Reply[]): string {
    const data = replies.flatMap((r) => r.attachments?.flatMap((a) => a.content?.actions ?? []) ?? []).find((a) => typeof a.data?.choice === 'string')?.data;
    return String(data?.choice);
}

/** Every text a customer would read: message text and the text fields of cards. */
function textOf(replies: Reply[]): string {
    const parts: string[] = [];
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
            if (key === 'text' && typeof value === 'string') parts.push(value);
            else if (typeof value === 'object') walk(value);
        }
    };
    walk(replies);
    return parts.join('\n');
}

/** The texts an intake customer types, for the echo customer to send the same amount of text. */
export function intakeTexts(index: number): string[] {
    const scenario = SCENARIOS[index % SCENARIOS.length] as Scenario;
    return ['hi', scenario.description, 'yes', 'critical', 'no', `customer${index}@fabrikam.example`, 'Fabrikam Ltd', 'confirm'];
}

/** Answers whatever the bot asks next; returns the replies to the answer, or 'done' with the ticket. */
async function answer(conversation: Conversation, replies: Reply[], scenario: Scenario, index: number): Promise<Reply[] | 'done'> {
    const prompt = promptOf(replies);
    switch (prompt) {
        case 'intake-confirm':
            return conversation.click(replies, 'yes');
        case 'intake-category':
        case 'intake-product':
            return conversation.click(replies, firstChoice(replies));
        case 'intake-kind':
            return conversation.click(replies, 'break-fix');
        case 'impact':
            return conversation.click(replies, scenario.impact);
        case 'guidance-solved':
            return conversation.click(replies, 'no');
        case 'escalation-confirm': {
            const done = await conversation.click(replies, 'confirm');
            if (!/SR-\d{4}-\d{6}/.test(textOf(done))) throw new FlowError('no ticket number after confirming');
            return 'done';
        }
        case undefined:
            break;
        default:
            throw new FlowError(`unexpected card ${prompt}`);
    }
    const text = textOf(replies);
    if (/e-mail/i.test(text)) return conversation.say(`customer${index}@fabrikam.example`);
    if (/organi[sz]ation/i.test(text)) return conversation.say('Fabrikam Ltd');
    if (/your name/i.test(text)) return conversation.say('Alex Kim');
    throw new FlowError('unexpected question');
}

/** A customer from "hi" to a stored ticket (about eight turns), through cards and text answers. */
export async function intakeCustomer(ctx: CustomerContext, index: number): Promise<void> {
    const scenario = SCENARIOS[index % SCENARIOS.length] as Scenario;
    const conversation = new Conversation(ctx, index, `Customer ${index}`);
    try {
        const greeting = await conversation.say('hi');
        if (greeting.length === 0) throw new FlowError('no greeting');
        let replies: Reply[] | 'done' = await conversation.say(scenario.description);
        for (let step = 0; step < 12 && replies !== 'done'; step++) replies = await answer(conversation, replies, scenario, index);
        if (replies !== 'done') throw new FlowError('intake did not finish');
        ctx.recorder.complete(conversation.id);
    } catch (err) {
        ctx.recorder.error(err instanceof FlowError ? err.message : `crash: ${(err as Error).message}`);
    }
}

/** The floor's customer: the same number of turns and the same texts, each answered by one echo. */
export async function echoCustomer(ctx: CustomerContext, index: number): Promise<void> {
    const conversation = new Conversation(ctx, index, `Customer ${index}`);
    try {
        for (const text of intakeTexts(index)) {
            const replies = await conversation.say(text);
            if (replies.length !== 1 || replies[0]?.text !== `echo: ${text}`) throw new FlowError('wrong echo');
        }
        ctx.recorder.complete(conversation.id);
    } catch (err) {
        ctx.recorder.error(err instanceof FlowError ? err.message : `crash: ${(err as Error).message}`);
    }
}

/** One turn in a new conversation ("hi"): what an idle conversation costs the server. */
export async function idleCustomer(ctx: CustomerContext, index: number): Promise<void> {
    const conversation = new Conversation(ctx, index, `Visitor ${index}`);
    try {
        if ((await conversation.say('hi')).length === 0) throw new FlowError('no greeting');
        ctx.recorder.complete(conversation.id);
    } catch (err) {
        ctx.recorder.error(err instanceof FlowError ? err.message : `crash: ${(err as Error).message}`);
    }
}
