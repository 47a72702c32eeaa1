import type { IncomingHttpHeaders } from 'node:http';
import type { Activity, CloudAdapter, Response as BotResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import { RateLimiter } from '../channels/rateLimiter';
import { scrubbed, type Logger } from '../logger';
import { parseActivityBody } from './activityBody';
import { RecentActivityIds } from './recentActivities';
import { ServerBusyError, TurnGate } from './turnGate';

export interface MessagesRouteOptions {
    adapter: CloudAdapter;
    bot: { run(context: TurnContext): Promise<void> };
    logger: Logger;
    gate: TurnGate;
    /** Turns one conversation may send per minute. */
    conversationTurnsPerMinute: number;
    /** Counts turns in flight (queued included), for draining. */
    track: (delta: 1 | -1) => void;
    /** The authentication of the built-in Direct Line's own activities (undefined for any other request). */
    localChannel?: { authenticate(headers: IncomingHttpHeaders, activity: Partial<Activity>): AuthenticateRequestResult | undefined };
}

const TOO_MANY = { error: 'too many messages in this conversation; please wait a minute and send again' };
const INTERNAL = { error: 'internal error' };

/**
 * The response the adapter writes to, except for a turn its conversation may not take now:
 * then the adapter's 200 becomes a polite 429 with Retry-After, and nothing else is written.
 * A 5xx never carries the adapter's body (it sends the SDK's error message); the message is
 * logged, scrubbed, instead.
 */
function guardedResponse(res: Response, limited: () => boolean, logger: Logger): BotResponse {
    const guarded: BotResponse = {
        socket: res.socket,
        status: (code: number) => (limited() ? guarded : res.status(code)),
        send: (body: unknown) => {
            if (limited()) return guarded;
            if (res.statusCode < 500) return res.send(body);
            logger.error({ err: { message: scrubbed(typeof body === 'string' ? body : JSON.stringify(body)) } }, 'activity processing failed');
            return res.send(INTERNAL);
        },
        header: (name: string, value: unknown) => res.header(name, value as string),
        end: (...args: unknown[]) => {
            if (!limited()) return res.end(...(args as []));
            res.header('Retry-After', '60');
            return res.send(429, TOO_MANY);
        },
    };
    return guarded;
}

/**
 * A turn for the built-in Direct Line, already authenticated (LocalChannelAuthentication):
 * what CloudAdapter.process() does after authenticating, timestamps parsed as it parses them.
 */
async function runLocal(adapter: CloudAdapter, authentication: AuthenticateRequestResult, activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, res: BotResponse): Promise<void> {
    const timestamp = typeof activity.timestamp === 'string' ? new Date(activity.timestamp) : activity.timestamp;
    const localTimestamp = typeof activity.localTimestamp === 'string' ? new Date(activity.localTimestamp) : activity.localTimestamp;
    await adapter.processActivityDirect(authentication, { ...activity, timestamp, localTimestamp } as Activity, logic);
    res.status(200);
    res.end();
}

/**
 * POST /api/messages: the activity parsed with zod (400 with a short reason), admitted through
 * the turn gate (503 when overloaded), authenticated by the CloudAdapter (401), and limited per
 * conversation after authentication, so that nobody can use up another conversation's quota
 * with forged requests. A replay of an activity already taken is answered 200 without running
 * its turn again (see RecentActivityIds).
 */
export function registerMessagesRoute(server: Server, options: MessagesRouteOptions): void {
    const perConversation = new RateLimiter(options.conversationTurnsPerMinute, 60_000);
    const recent = new RecentActivityIds();
    server.post('/api/messages', async (req: Request, res: Response) => {
        const parsed = parseActivityBody(req.body);
        if (!parsed.ok) return void res.send(400, { error: parsed.reason });
        req.body = parsed.activity;
        let limited = false;
        const logic = async (context: TurnContext): Promise<void> => {
            const { id, channelId } = context.activity;
            const key = `${channelId}:${context.activity.conversation?.id}`;
            // After authentication: a forged copy cannot make the real activity look like a replay.
            if (id && !recent.claim(key, id)) return void options.logger.info({ channel: channelId }, 'replayed activity: answered without running the turn again');
            if (!perConversation.allow(key)) {
                if (id) recent.release(key, id);
                limited = true;
                return void options.logger.warn({ channel: channelId }, 'conversation rate limit: turn refused with 429');
            }
            try {
                await options.bot.run(context);
            } catch (err) {
                if (id) recent.release(key, id);
                throw err;
            }
        };
        const local = options.localChannel?.authenticate(req.headers, parsed.activity);
        const guarded = guardedResponse(res, () => limited, options.logger);
        options.track(1);
        try {
            await options.gate.run(() => (local ? runLocal(options.adapter, local, parsed.activity, logic, guarded) : options.adapter.process(req, guarded, logic)));
        } catch (err) {
            if (err instanceof ServerBusyError) {
                res.header('Retry-After', '1');
                return void res.send(503, { error: 'busy: please retry in a moment' });
            }
            options.logger.error({ err: { name: (err as Error).name, message: scrubbed((err as Error).message) } }, 'activity processing failed');
            if (!res.headersSent) res.send(500, INTERNAL);
        } finally {
            options.track(-1);
        }
    });
}
