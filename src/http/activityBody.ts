import type { Activity } from 'botbuilder';
import { z } from 'zod';

const Account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).optional() });

/**
 * The shape an inbound activity must have before the adapter sees it. Unknown fields pass
 * through (channels add their own); what the bot relies on is checked here.
 */
export const InboundActivitySchema = z.looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
    from: Account,
    recipient: Account.optional(),
    text: z.string().optional(),
    locale: z.string().max(64).optional(),
});

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
