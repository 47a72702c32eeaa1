import { randomBytes } from 'node:crypto';

/** An activity as the built-in Direct Line keeps and returns it. */
export type StoredActivity = Record<string, unknown> & { id: string };

interface Conversation {
    id: string;
    token: string;
    userId: string;
    activities: StoredActivity[];
    /** Sequence of the next activity id; the watermark is the count delivered so far. */
    next: number;
    lastUsed: number;
    started: boolean;
}

export interface DirectLineLimits {
    maxConversations: number;
    maxActivitiesPerConversation: number;
    idleMs: number;
}

/**
 * The conversations of the built-in Direct Line: tokens bound to one conversation and
 * user, activities with string watermarks, memory bounded by count, size and idle time.
 */
export class DirectLineStore {
    private readonly byId = new Map<string, Conversation>();
    private readonly byToken = new Map<string, Conversation>();

    constructor(
        private readonly limits: DirectLineLimits,
        private readonly now: () => number = Date.now,
    ) {}

    get size(): number {
        return this.byId.size;
    }

    /** A new conversation with its token, for a generated `dl_` user id. */
    create(): { conversationId: string; token: string; userId: string } {
        this.evict();
        const conversation: Conversation = {
            id: randomBytes(16).toString('base64url'),
            token: randomBytes(32).toString('base64url'),
            userId: `dl_${randomBytes(12).toString('hex')}`,
            activities: [],
            next: 0,
            lastUsed: this.now(),
            started: false,
        };
        this.byId.set(conversation.id, conversation);
        this.byToken.set(conversation.token, conversation);
        return { conversationId: conversation.id, token: conversation.token, userId: conversation.userId };
    }

    /** The conversation a bearer token opens, optionally checked against the id in the path. */
    authorize(authorization: string | undefined, conversationId?: string): Conversation | undefined {
        const token = /^Bearer (\S{10,200})$/.exec(authorization ?? '')?.[1];
        const conversation = token ? this.byToken.get(token) : undefined;
        if (!conversation || (conversationId !== undefined && conversation.id !== conversationId)) return undefined;
        if (this.now() - conversation.lastUsed > this.limits.idleMs) {
            this.remove(conversation);
            return undefined;
        }
        conversation.lastUsed = this.now();
        return conversation;
    }

    /** Marks the conversation started; true the first time (the bot is then told who joined). */
    start(conversation: Conversation): boolean {
        if (conversation.started) return false;
        conversation.started = true;
        return true;
    }

    append(conversationId: string, activity: Record<string, unknown>): StoredActivity | undefined {
        const conversation = this.byId.get(conversationId);
        if (!conversation) return undefined;
        const stored = { ...activity, id: `${conversation.id}|${String(conversation.next).padStart(7, '0')}`, timestamp: new Date(this.now()).toISOString() };
        conversation.next++;
        conversation.activities.push(stored);
        const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
        if (excess > 0) conversation.activities.splice(0, excess);
        return stored;
    }

    /** Replaces an activity the bot updates in place (a card that must not be clicked twice). */
    update(conversationId: string, activityId: string, activity: Record<string, unknown>): boolean {
        const list = this.byId.get(conversationId)?.activities;
        const index = list?.findIndex((a) => a.id === activityId) ?? -1;
        if (!list || index < 0) return false;
        list[index] = { ...list[index], ...activity, id: activityId };
        return true;
    }

    /** Activities after the watermark, and the new watermark (a string, as Direct Line 3.0 has it). */
    since(conversation: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string } {
        const from = Math.max(0, Number.parseInt(watermark ?? '0', 10) || 0);
        const firstKept = conversation.next - conversation.activities.length;
        const activities = conversation.activities.slice(Math.max(0, from - firstKept));
        return { activities, watermark: String(conversation.next) };
    }

    private remove(conversation: Conversation): void {
        this.byId.delete(conversation.id);
        this.byToken.delete(conversation.token);
    }

    private evict(): void {
        const now = this.now();
        for (const conversation of this.byId.values()) if (now - conversation.lastUsed > this.limits.idleMs) this.remove(conversation);
        for (const conversation of this.byId.values()) {
            if (this.byId.size < this.limits.maxConversations) break;
            this.remove(conversation);
        }
    }
}
