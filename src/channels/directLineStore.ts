import { randomBytes } from 'node:crypto';
import { DEFAULT_DIRECT_LINE_LIMITS, DirectLineLimitError, type DirectLineLimits } from './directLineLimits';

export { DirectLineLimitError, type DirectLineLimits } from './directLineLimits';

/** An activity as the built-in Direct Line keeps and returns it. */
export type StoredActivity = Record<string, unknown> & { id: string };

interface Conversation {
    id: string;
    token: string;
    userId: string;
    activities: Array<{ activity: StoredActivity; bytes: number }>;
    /** Serialised size of `activities`. */
    bytes: number;
    /** Sequence of the next activity id; the watermark is the count delivered so far. */
    next: number;
    lastUsed: number;
    /** False until the token is first used: a token nobody has used is not a live conversation. */
    used: boolean;
    started: boolean;
}

const sizeOf = (activity: StoredActivity): number => Buffer.byteLength(JSON.stringify(activity));

/**
 * The conversations of the built-in Direct Line: tokens bound to one conversation and user,
 * activities with string watermarks, memory bounded in count and in bytes (see
 * DirectLineLimits). To make room, the least recently used conversation that is not live
 * goes; when all are live, new conversations and posts are refused (DirectLineLimitError).
 */
export class DirectLineStore {
    /** Least recently used first: a conversation moves to the end whenever its token is used. */
    private readonly byId = new Map<string, Conversation>();
    private readonly byToken = new Map<string, Conversation>();
    private readonly limits: DirectLineLimits;
    private total = 0;

    constructor(
        limits: Partial<DirectLineLimits> = {},
        private readonly now: () => number = Date.now,
    ) {
        this.limits = { ...DEFAULT_DIRECT_LINE_LIMITS, ...limits };
    }

    get size(): number {
        return this.byId.size;
    }

    /** Serialised bytes of all activities kept. */
    get bytes(): number {
        return this.total;
    }

    /** A new conversation with its token, for the given or a generated `dl_` user id; throws DirectLineLimitError (503) when full. */
    create(userId?: string): { conversationId: string; token: string; userId: string } {
        this.expireIdle();
        while (this.byId.size >= this.limits.maxConversations || this.total >= this.limits.maxTotalBytes) {
            if (!this.evictOne()) throw new DirectLineLimitError(503, 'ServiceUnavailable', 'the chat is full right now; please try again in a minute');
        }
        const user = userId ?? `dl_${randomBytes(12).toString('hex')}`;
        const conversation: Conversation = {
            id: randomBytes(16).toString('base64url'),
            token: bearerToken(user),
            userId: user,
            activities: [],
            bytes: 0,
            next: 0,
            lastUsed: this.now(),
            used: false,
            started: false,
        };
        this.byId.set(conversation.id, conversation);
        this.byToken.set(conversation.token, conversation);
        return { conversationId: conversation.id, token: conversation.token, userId: conversation.userId };
    }

    /** The conversation a bearer token opens, optionally checked against the id in the path. */
    authorize(authorization: string | undefined, conversationId?: string): Conversation | undefined {
        const token = /^Bearer (\S{10,400})$/.exec(authorization ?? '')?.[1];
        const conversation = token ? this.byToken.get(token) : undefined;
        if (!conversation || (conversationId !== undefined && conversation.id !== conversationId)) return undefined;
        if (this.now() - conversation.lastUsed > this.limits.idleMs) {
            this.remove(conversation);
            return undefined;
        }
        conversation.lastUsed = this.now();
        conversation.used = true;
        this.byId.delete(conversation.id);
        this.byId.set(conversation.id, conversation);
        return conversation;
    }

    /** True when the conversation's page polled within `withinMs` (the visitor has it open). */
    polledWithin(conversationId: string, withinMs: number): boolean {
        const conversation = this.byId.get(conversationId);
        return conversation !== undefined && conversation.used && this.now() - conversation.lastUsed <= withinMs;
    }

    /** Marks the conversation started; true the first time (the bot is then told who joined). */
    start(conversation: Conversation): boolean {
        if (conversation.started) return false;
        conversation.started = true;
        return true;
    }

    /** Keeps an activity; undefined for an unknown conversation, DirectLineLimitError when too large (413) or full (503). */
    append(conversationId: string, activity: Record<string, unknown>): StoredActivity | undefined {
        const conversation = this.byId.get(conversationId);
        if (!conversation) return undefined;
        const stored = { ...activity, id: `${conversation.id}|${String(conversation.next).padStart(7, '0')}`, timestamp: new Date(this.now()).toISOString() };
        const bytes = this.admit(conversation, stored);
        conversation.next++;
        conversation.activities.push({ activity: stored, bytes });
        this.account(conversation, bytes);
        this.trim(conversation);
        return stored;
    }

    /** Replaces an activity the bot updates in place (a card that must not be clicked twice). */
    update(conversationId: string, activityId: string, activity: Record<string, unknown>): boolean {
        const conversation = this.byId.get(conversationId);
        const entry = conversation?.activities.find((a) => a.activity.id === activityId);
        if (!conversation || !entry) return false;
        const replaced = { ...entry.activity, ...activity, id: activityId };
        const bytes = this.admit(conversation, replaced, entry.bytes);
        this.account(conversation, bytes - entry.bytes);
        Object.assign(entry, { activity: replaced, bytes });
        this.trim(conversation);
        return true;
    }

    /** Activities after the watermark, and the new watermark (a string, as Direct Line 3.0 has it). */
    since(conversation: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string } {
        const from = Math.max(0, Number.parseInt(watermark ?? '0', 10) || 0);
        const firstKept = conversation.next - conversation.activities.length;
        const activities = conversation.activities.slice(Math.max(0, from - firstKept)).map((a) => a.activity);
        return { activities, watermark: String(conversation.next) };
    }

    /** The size of `activity` once it is checked to fit; makes room in other conversations if needed. */
    private admit(conversation: Conversation, activity: StoredActivity, replacing = 0): number {
        const bytes = sizeOf(activity);
        const largest = Math.min(this.limits.maxActivityBytes, this.limits.maxConversationBytes);
        if (bytes > largest) throw new DirectLineLimitError(413, 'MessageSizeTooBig', `the activity is too large (${bytes} bytes; the limit is ${largest})`);
        while (this.total - replacing + bytes > this.limits.maxTotalBytes) {
            if (!this.evictOne(conversation)) throw new DirectLineLimitError(503, 'ServiceUnavailable', 'the chat is busy right now; please try again in a minute');
        }
        return bytes;
    }

    private account(conversation: Conversation, delta: number): void {
        conversation.bytes += delta;
        this.total += delta;
    }

    /** Drops the conversation's oldest activities beyond its count and byte bounds. */
    private trim(conversation: Conversation): void {
        while (conversation.activities.length > this.limits.maxActivitiesPerConversation || (conversation.bytes > this.limits.maxConversationBytes && conversation.activities.length > 1)) {
            const dropped = conversation.activities.shift();
            if (dropped) this.account(conversation, -dropped.bytes);
        }
    }

    private remove(conversation: Conversation): void {
        this.byId.delete(conversation.id);
        this.byToken.delete(conversation.token);
        this.total -= conversation.bytes;
    }

    /** Forgets idle conversations; they sit at the front, so this stops at the first that is not. */
    private expireIdle(): void {
        const now = this.now();
        for (const conversation of this.byId.values()) {
            if (now - conversation.lastUsed <= this.limits.idleMs) break;
            this.remove(conversation);
        }
    }

    /** Evicts the least recently used conversation that is not live (nor `keep`); false when there is none. */
    private evictOne(keep?: Conversation): boolean {
        const now = this.now();
        for (const conversation of this.byId.values()) {
            const live = conversation.used && now - conversation.lastUsed < this.limits.liveMs;
            if (live || conversation === keep) continue;
            this.remove(conversation);
            return true;
        }
        return false;
    }
}

/**
 * A random bearer token shaped like Azure Direct Line's (a JWT whose payload names the `user`),
 * so that Web Chat takes the user id from the token, as it requires for ids starting with `dl_`
 * (given any other way, it warns and replaces them). Only the random part is a secret; the
 * store looks tokens up whole and never trusts what the payload says.
 */
function bearerToken(userId: string): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ user: userId })}.${randomBytes(32).toString('base64url')}`;
}
