import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * Ids travel in URL paths and headers of the replies (x-ms-conversation-id): printable ASCII
 * only, which every channel's ids are (Teams `19:…@thread.tacv2;messageid=…`, Direct Line
 * `…|0000001`); anything else would fail the reply, not the request.
 */
const printableId = (max: number) => z.string().min(1).max(max).regex(/^[\x20-\x7e]+$/, 'printable ASCII only');

const Account = z.looseObject({
    id: z.string().min(1).max(512),
    name: z.string().max(512).optional(),
    aadObjectId: z.string().max(128).optional(),
    role: z.string().max(64).optional(),
});

/** Fields the connector serialises back on every reply (the conversation reference): their types matter. */
const Conversation = z.looseObject({
    id: printableId(1024),
    name: z.string().max(512).optional(),
    isGroup: z.boolean().optional(),
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(128).optional(),
    aadObjectId: z.string().max(128).optional(),
    role: z.string().max(64).optional(),
});

/** An entity; a mention must say who is mentioned (Teams strips the bot's own @mention by it). */
const Entity = z
    .looseObject({ type: z.string().min(1).max(128), mentioned: Account.optional(), text: z.string().max(1024).optional() })
    .refine((e) => e.type.toLowerCase() !== 'mention' || e.mentioned !== undefined, { message: 'a mention needs `mentioned`' });

/**
 * The shape an inbound activity must have before the adapter sees it. Unknown fields pass
 * through (channels add their own); what the bot, the SDK's handlers and the connector's
 * serialiser rely on is checked here, so that a malformed activity is a 400, not a failed turn.
 */
export const InboundActivitySchema = z
    .looseObject({
        type: z.string().min(1).max(64),
        id: printableId(512).optional(),
        channelId: printableId(64),
        // Replies go to this URL: only http(s) (with authentication on, it must also match the token).
        serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
        conversation: Conversation,
        from: Account,
        recipient: Account.optional(),
        text: z.string().optional(),
        locale: z.string().max(64).optional(),
        replyToId: printableId(512).optional(),
        name: z.string().max(256).optional(),
        action: z.string().max(64).optional(),
        membersAdded: z.array(Account).max(1000).optional(),
        membersRemoved: z.array(Account).max(1000).optional(),
        entities: z.array(Entity).max(100).optional(),
        attachments: z.array(z.looseObject({ contentType: z.string().max(256).optional() })).max(50).optional(),
        channelData: z.looseObject({}).optional(),
    })
    .refine((a) => !a.entities?.some((e) => e.type.toLowerCase() === 'mention') || typeof a.text === 'string', {
        message: 'a message with mentions needs `text`',
        path: ['entities'],
    })
    // Teams messages have the bot's own @mention removed, by the recipient's id.
    .refine((a) => a.channelId !== 'msteams' || a.recipient !== undefined, { message: 'Teams activities name their recipient', path: ['recipient'] });

/** Parses a raw request body into an activity, or says in a short sentence what is wrong. */
export function parseActivityBody(body: unknown): { ok: true; activity: Partial<Activity> } | { ok: false; reason: string } {
    let json: unknown = body;
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
        const text = body.toString();
        if (!text.trim()) return { ok: false, reason: 'empty body: expected a JSON activity' };
        try {
            json = JSON.parse(text);
        } catch {
            return { ok: false, reason: 'body is not valid JSON' };
        }
    }
    const parsed = InboundActivitySchema.safeParse(json);
    if (!parsed.success) {
        const reason = parsed.error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
            .join('; ');
        return { ok: false, reason: `not a valid activity (${reason})` };
    }
    return { ok: true, activity: parsed.data as unknown as Partial<Activity> };
}
