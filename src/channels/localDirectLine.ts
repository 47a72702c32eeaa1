import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { languageFromAcceptLanguage } from '../i18n/language';
import type { Logger } from '../logger';
import { DirectLineLimitError, DirectLineStore } from './directLineStore';
import { LocalChannelAuthentication } from './localChannelAuth';
import type { RateLimiter } from './rateLimiter';

export const ClientActivitySchema = z.looseObject({
    type: z.string().min(1).max(64),
    text: z.string().max(20_000).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(64).optional(),
    from: z.looseObject({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
    channelData: z.unknown().optional(),
});

const BOT = { id: 'bot', name: 'Support', role: 'bot' };

/** A page that has not polled for this long is taken as closed. */
const LIVE_WITHIN_MS = 20_000;

/** The origin the server accepted this request on, for calls back to itself. */
function selfOrigin(req: Request): string {
    const socket = req.socket;
    const address = socket.localAddress ?? '127.0.0.1';
    const host = address.includes(':') ? `[${address.replace(/^::ffff:/, '')}]` : address;
    return `http://${address.startsWith('::ffff:') ? address.slice(7) : host}:${socket.localPort}`;
}

/**
 * A built-in Direct Line 3.0 endpoint (polling), so that `npm start` gives a working Web Chat
 * page with no Azure account. Client side: conversations and activities under
 * /v3/directline, token checked on every call. Bot side: the bot replies to a serviceUrl that
 * points back here (a secret path), and the replies are queued for the client's next poll.
 */
export class LocalDirectLine {
    readonly store: DirectLineStore;
    /** How /api/messages recognises this Direct Line's own activities (with Bot Framework authentication on too). */
    readonly authentication: LocalChannelAuthentication;
    private readonly connectorPath = `/directline-connector/${randomBytes(18).toString('base64url')}`;

    /** `appId`: the bot's MicrosoftAppId, for the identity its turns run with (empty when authentication is off). */
    constructor(
        private readonly logger: Logger,
        private readonly limiter: RateLimiter,
        store?: DirectLineStore,
        appId = '',
    ) {
        this.store = store ?? new DirectLineStore();
        this.authentication = new LocalChannelAuthentication(appId, this.connectorPath);
    }

    /** A token and conversation for a new Web Chat visitor; throws DirectLineLimitError (503) when the chat is full. */
    issueToken(userId?: string): { conversationId: string; token: string; userId: string; expires_in: number } {
        return { ...this.store.create(userId), expires_in: 3600 };
    }

    /** True while a visitor's page polls this conversation (Web Chat polls every half second; a closed page stops). */
    isLive(conversationId: string): boolean {
        return this.store.polledWithin(conversationId, LIVE_WITHIN_MS);
    }

    register(server: Server): void {
        server.post('/v3/directline/conversations', async (req, res) => this.startConversation(req, res));
        server.post('/v3/directline/conversations/:id/activities', async (req, res) => this.postActivity(req, res));
        server.get('/v3/directline/conversations/:id/activities', async (req, res) => this.getActivities(req, res));
        server.post(`${this.connectorPath}/v3/conversations/:id/activities`, async (req, res) => this.fromBot(req, res));
        server.post(`${this.connectorPath}/v3/conversations/:id/activities/:replyTo`, async (req, res) => this.fromBot(req, res));
        server.put(`${this.connectorPath}/v3/conversations/:id/activities/:activityId`, async (req, res) => this.updateFromBot(req, res));
    }

    private async startConversation(req: Request, res: Response): Promise<void> {
        const conversation = this.store.authorize(req.header('authorization'));
        if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'token missing, invalid or expired' } });
        if (this.store.start(conversation)) {
            await this.deliver(req, conversation.id, { type: 'conversationUpdate', from: { id: conversation.userId }, membersAdded: [{ id: conversation.userId }, BOT], locale: languageFromAcceptLanguage(req.header('accept-language')) ?? req.header('accept-language')?.split(',')[0] });
        }
        res.send(201, { conversationId: conversation.id, token: req.header('authorization')?.slice(7), expires_in: 3600 });
    }

    private async postActivity(req: Request, res: Response): Promise<void> {
        const conversation = this.store.authorize(req.header('authorization'), req.params.id);
        if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'token missing, invalid or expired' } });
        const parsed = ClientActivitySchema.safeParse(parseJson(req.body));
        const typing = parsed.success && parsed.data.type === 'typing';
        // Typing has its own allowance, so a visitor who types a lot is never refused a message.
        if (!this.limiter.allow(`${typing ? 'dl-typing' : 'dl'}:${conversation.id}`)) return void res.send(429, { error: { code: 'TooManyRequests', message: 'slow down' } });
        if (!parsed.success) return void res.send(400, { error: { code: 'BadArgument', message: 'not a valid activity' } });
        // The user id is the one bound to the token: a client cannot speak as someone else.
        const from = { id: conversation.userId, name: parsed.data.from?.name, role: 'user' };
        if (typing) {
            // Passed to the bot (a live chat shows it to the agent), never kept in the conversation.
            await this.deliver(req, conversation.id, { type: 'typing', from });
            return void res.send(200, { id: '' });
        }
        await this.accept(req, res, conversation.id, { ...parsed.data, from });
    }

    /**
     * Keeps a visitor's message (already checked and bound to its user) in the conversation,
     * hands it to the bot and answers the client with its id, or with Direct Line's refusal.
     */
    async accept(req: Request, res: Response, conversationId: string, activity: Record<string, unknown>): Promise<void> {
        const stored = refusedOr(res, () => this.store.append(conversationId, { ...activity, channelId: 'directline', conversation: { id: conversationId } }));
        if (stored === REFUSED) return;
        if (!stored) return void res.send(404, { error: { code: 'BadArgument', message: 'conversation not found' } });
        await this.deliver(req, conversationId, { ...activity, id: stored.id });
        res.send(200, { id: stored.id });
    }

    /** A message from the bot straight into the visitor's conversation (why an upload was refused), not through a turn. */
    tellVisitor(conversationId: string, text: string): void {
        try {
            this.store.append(conversationId, { type: 'message', text, from: BOT });
        } catch (err) {
            // A full chat cannot take the explanation either; the client still has its refusal.
            if (!(err instanceof DirectLineLimitError)) throw err;
        }
    }

    private getActivities(req: Request, res: Response): void {
        const conversation = this.store.authorize(req.header('authorization'), req.params.id);
        if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'token missing, invalid or expired' } });
        const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
        res.send(200, this.store.since(conversation, watermark));
    }

    private fromBot(req: Request, res: Response): void {
        const body = parseJson(req.body);
        const stored = refusedOr(res, () => (body && typeof body === 'object' ? this.store.append(req.params.id, { ...(body as object), from: BOT }) : undefined));
        if (stored === REFUSED) return;
        if (!stored) return void res.send(404, { error: { code: 'BadArgument', message: 'conversation not found' } });
        res.send(200, { id: stored.id });
    }

    private updateFromBot(req: Request, res: Response): void {
        const body = parseJson(req.body);
        const ok = refusedOr(res, () => (body && typeof body === 'object' ? this.store.update(req.params.id, req.params.activityId, body as Record<string, unknown>) : false));
        if (ok === REFUSED) return;
        res.send(ok ? 200 : 404, ok ? { id: req.params.activityId } : { error: { code: 'BadArgument', message: 'activity not found' } });
    }

    /** Hands an activity to the bot through its own /api/messages, as a channel would. */
    private async deliver(req: Request, conversationId: string, activity: Record<string, unknown>): Promise<void> {
        const origin = selfOrigin(req);
        const body = { ...activity, channelId: 'directline', serviceUrl: `${origin}${this.connectorPath}`, conversation: { id: conversationId }, recipient: BOT };
        try {
            const headers = { 'content-type': 'application/json', ...this.authentication.headers() };
            const response = await fetch(`${origin}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
            if (response.status >= 400) this.logger.warn({ status: response.status }, 'local Direct Line: the bot refused an activity');
        } catch (err) {
            this.logger.error({ err: { message: (err as Error).message } }, 'local Direct Line: could not reach the bot');
        }
    }
}

const REFUSED = Symbol('refused');

/**
 * What `store` returns, or REFUSED once a DirectLineLimitError has been answered in Direct
 * Line's shape (413, or 503 with Retry-After).
 */
function refusedOr<T>(res: Response, store: () => T): T | typeof REFUSED {
    try {
        return store();
    } catch (err) {
        if (!(err instanceof DirectLineLimitError)) throw err;
        if (err.status === 503) res.header('Retry-After', '60');
        res.send(err.status, { error: { code: err.code, message: err.message } });
        return REFUSED;
    }
}

export function parseJson(body: unknown): unknown {
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
    try {
        return JSON.parse(body.toString());
    } catch {
        return undefined;
    }
}
