/**
 * Generators of malformed and hostile requests for /api/messages, from a seeded PRNG so that
 * a failing case can be reproduced (the seed and the case index are printed).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { hostileTransport } from './hostileTransport';

/** One request: a body (string or raw bytes), its content type, or else the headers as they are sent. */
export interface FuzzRequest {
    kind: string;
    body: string | Buffer;
    contentType?: string;
    /** All headers (arrays send a header twice); instead of contentType. */
    headers?: OutgoingHttpHeaders;
    /** Sent in this many chunks with Transfer-Encoding: chunked. */
    chunks?: number;
}

export interface FuzzContext {
    serviceUrl: string;
    /** Card submissions seen in the bot's replies so far (for replays into other conversations). */
    seenSubmissions: Array<Record<string, unknown>>;
    /** Activity ids sent so far (for replays). */
    sentIds: string[];
    /** A gzip body that inflates to 100 MB. */
    bomb: Buffer;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const UNICODE_EDGES = [
    '\ud800',
    '\udfff',
    'a\ud83d',
    '\u0000',
    '\u202eoverride',
    '\u200b\u200c\u200d\ufeff',
    'e\u0301'.repeat(500),
    '👩‍👩‍👧‍👦'.repeat(200),
    '\u{10ffff}',
    'Ω≈ç√∫˜µ≤≥÷',
    '𝕿𝖊𝖆𝖒𝖘 𝖎𝖘 𝖉𝖔𝖜𝖓',
    'مرحبا، لا يعمل البريد',
    '\r\n\t\v\f',
    '%00%0d%0a',
    '\\u0000\\x00',
];

const INJECTIONS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '${7*7}',
    '${$root.partner}',
    '${json($root)}',
    '{{constructor.constructor("return process")()}}',
    "'; DROP TABLE tickets; --",
    '" OR 1=1 --',
    '../../../../etc/passwd',
    '[click](javascript:alert(1))',
    '**bold** <b>html</b> `code`',
    '@everyone <at>Support</at>',
    '\u001b[31mred',
    'cancel',
    'help',
    'start over',
    'en español',
];

const ISSUES = [
    'Outlook is not receiving any emails since this morning, Exchange Online shows an error',
    'Our last invoice charged us twice for the Microsoft 365 Business Premium licences',
    'Azure VM will not start, AllocationFailed',
    'Teams calls keep dropping for everyone',
    'hi',
    'Critical',
    'no',
    'someone@fabrikam.example',
    'Fabrikam Ltd',
    '1',
];

const ACTIVITY_TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction', 'messageUpdate', 'messageDelete', 'handoff', 'command', 'trace', 'deleteUserData', 'x-unknown', 'MESSAGE', ' message'];
const CHANNELS = ['webchat', 'directline', 'msteams', 'emulator', 'sms', 'slack', 'unknown-channel'];

function text(random: Random): string {
    switch (int(random, 6)) {
        case 0:
            return pick(random, UNICODE_EDGES);
        case 1:
            return pick(random, INJECTIONS);
        case 2:
            return pick(random, ISSUES) + pick(random, ['', ' ', pick(random, UNICODE_EDGES), pick(random, INJECTIONS)]);
        case 3:
            return 'x'.repeat(int(random, 3) === 0 ? 150_000 : 4_001 + int(random, 5000));
        case 4:
            return '';
        default:
            return pick(random, ISSUES);
    }
}

/** A value of a random wrong JSON type. */
function junk(random: Random, depth = 0): unknown {
    switch (int(random, depth > 2 ? 6 : 9)) {
        case 0:
            return null;
        case 1:
            return int(random, 2) === 0;
        case 2:
            return pick(random, [0, -1, 1e308, -1e-308, 2 ** 53 + 1]);
        case 3:
            return text(random);
        case 4:
            return '';
        case 5:
            // Own "__proto__" keys, as JSON.parse makes them (an object literal would set the prototype).
            return JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown;
        case 6:
            return Array.from({ length: int(random, 5) }, () => junk(random, depth + 1));
        case 7:
            return Object.fromEntries(Array.from({ length: int(random, 5) }, (_, i) => [pick(random, ['id', 'name', 'text', 'value', 'type', `k${i}`]), junk(random, depth + 1)]));
        default:
            return Array.from({ length: 10_000 }, (_, i) => i);
    }
}

/** Card payloads: ours with wrong parts, replays from other conversations, and junk. */
function cardValue(random: Random, ctx: FuzzContext): unknown {
    const seen = ctx.seenSubmissions.length ? pick(random, ctx.seenSubmissions) : undefined;
    switch (int(random, 7)) {
        case 0:
            return seen ?? junk(random);
        case 1:
            return seen ? { ...seen, choice: pick(random, ['', 'yes', 'critical', 'confirm', 'x'.repeat(100), pick(random, INJECTIONS)]) } : junk(random);
        case 2:
            return { csp: pick(random, [1, '1', 2, true, null]), prompt: junk(random), choice: junk(random), intake: junk(random) };
        case 3:
            return { csp: 1, prompt: pick(random, ['intake-confirm', 'impact', 'guidance-solved', 'escalation-confirm', 'intake-product']), choice: pick(random, ['yes', 'no', 'critical', 'confirm', 'cancel', 'edit']), intake: `intake-${int(random, 50)}-0` };
        case 4:
            return JSON.parse(`{"csp":1,"__proto__":{"polluted":"yes"},"prompt":"impact","choice":"critical","intake":"x"}`) as unknown;
        case 5:
            return { action: 'hack', admin: true, data: junk(random) };
        default:
            return junk(random);
    }
}

function account(random: Random): unknown {
    switch (int(random, 6)) {
        case 0:
            return junk(random);
        case 1:
            return { id: pick(random, INJECTIONS), name: pick(random, [...INJECTIONS, ...UNICODE_EDGES]) };
        case 2:
            return { id: 'x'.repeat(int(random, 2) ? 512 : 5000), name: 'n'.repeat(600) };
        default:
            return { id: `user-${int(random, 20)}`, name: pick(random, ['Alex Kim', pick(random, INJECTIONS), pick(random, UNICODE_EDGES)]) };
    }
}

/** A structurally plausible activity with hostile parts. */
function hostileActivity(random: Random, ctx: FuzzContext, index: number): Record<string, unknown> {
    const id = int(random, 8) === 0 && ctx.sentIds.length ? pick(random, ctx.sentIds) : `fuzz-${index}`;
    ctx.sentIds.push(id);
    if (ctx.sentIds.length > 500) ctx.sentIds.shift();
    const activity: Record<string, unknown> = {
        type: int(random, 3) === 0 ? pick(random, ACTIVITY_TYPES) : 'message',
        id,
        channelId: int(random, 4) === 0 ? pick(random, CHANNELS) : 'webchat',
        serviceUrl: ctx.serviceUrl,
        conversation: { id: `fuzz-conv-${int(random, 150)}` },
        from: { id: `user-${int(random, 20)}`, name: 'Alex Kim' },
        recipient: { id: 'bot', name: 'Support' },
        locale: pick(random, ['en-US', 'es-ES', 'pt-BR', 'ru-RU', 'xx', '', 'en-US'.repeat(20), undefined]),
        text: text(random),
    };
    // Some activities stay well-formed apart from hostile text, so that turns run deep into dialogs.
    const mutations = pick(random, [0, 0, 0, 1, 1, 1, 2, 3]);
    for (let m = 0; m < mutations; m++) mutate(random, ctx, activity);
    return activity;
}

/** A Teams tenant id (not secret) a Web Chat client might write to claim a customer's tickets. */
const CLAIMED_TENANT = '11111111-2222-4333-8444-555555555555';

function mutate(random: Random, ctx: FuzzContext, activity: Record<string, unknown>): void {
    switch (int(random, 19)) {
        case 0:
            activity.value = cardValue(random, ctx);
            delete activity.text;
            break;
        case 1:
            activity.value = cardValue(random, ctx);
            activity.replyToId = pick(random, ['reply-1', '../../admin', 'x'.repeat(600), '%2e%2e%2f', junk(random)]);
            break;
        case 2:
            activity[pick(random, ['type', 'text', 'channelId', 'locale', 'id', 'replyToId', 'name', 'action'])] = junk(random);
            break;
        case 3:
            activity.from = account(random);
            break;
        case 4:
            activity.recipient = account(random);
            break;
        case 5:
            activity.conversation = pick(random, [junk(random), { id: junk(random) }, { id: `fuzz-conv-${int(random, 150)}`, tenantId: junk(random), isGroup: junk(random) }, { id: 'c'.repeat(1500) }]);
            break;
        case 6:
            activity.membersAdded = pick(random, [junk(random), [account(random), { id: 'bot' }], [null], 'everyone']);
            activity.type = 'conversationUpdate';
            break;
        case 7:
            activity.channelData = pick(random, [junk(random), { tenant: junk(random) }, { tenant: { id: junk(random) } }, { tenant: { id: '00000000-0000-4000-8000-000000000001' } }]);
            break;
        case 8:
            activity.entities = pick(random, [junk(random), [{ type: 'mention', mentioned: junk(random), text: '<at>Support</at>' }], [{ type: 'mention' }], [null]]);
            activity.channelId = 'msteams';
            break;
        case 9:
            activity.attachments = pick(random, [junk(random), [{ contentType: 'application/vnd.microsoft.card.adaptive', content: junk(random) }], [null]]);
            break;
        case 10:
            activity.serviceUrl = pick(random, ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com', 'not a url', '', junk(random), `${ctx.serviceUrl}/../../`]);
            break;
        case 11:
            activity.type = 'invoke';
            activity.name = pick(random, ['adaptiveCard/action', 'composeExtension/query', 'signin/verifyState', 'task/fetch', 'healthCheck', junk(random)]);
            activity.value = cardValue(random, ctx);
            break;
        case 12:
            activity.type = 'event';
            activity.name = pick(random, ['webchat/join', 'handoff.initiate', 'x', junk(random)]);
            activity.value = junk(random);
            break;
        case 13:
            activity.deliveryMode = pick(random, ['expectReplies', 'notification', 'ephemeral', junk(random)]);
            break;
        case 14:
            activity.timestamp = junk(random);
            activity.localTimezone = pick(random, ['Europe/Madrid', 'Not/AZone', 'x'.repeat(200), junk(random)]);
            break;
        case 15:
            // A visitor of another channel claiming a Teams tenant, asking about (guessable) ticket numbers.
            activity.channelId = pick(random, ['webchat', 'directline', 'emulator']);
            activity.channelData = { tenant: { id: CLAIMED_TENANT } };
            activity.conversation = { id: `fuzz-conv-${int(random, 150)}`, tenantId: CLAIMED_TENANT };
            activity.text = pick(random, [`status of SR-2026-${String(int(random, 40)).padStart(6, '0')}`, `SR-2026-00000${int(random, 9)}`, 'any news on my ticket?']);
            break;
        case 16:
            // Agent button payloads posted by someone who is not given them: old-style actions and guessed ids.
            activity.channelId = pick(random, ['msteams', 'webchat']);
            activity.from = { id: `29:${int(random, 5)}`, name: 'Agent', aadObjectId: pick(random, ['aaaaaaaa-0000-4000-8000-0000000000ad', junk(random)]) };
            activity.channelData = { tenant: { id: pick(random, [CLAIMED_TENANT, '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4']) } };
            activity.value = pick(random, [{ cspAgent: 1, action: pick(random, ['accept', 'takeover', 'escalate', 'end']), handoff: int(random, 5), ticket: int(random, 5) }, { cspAgent: 1, id: 'A'.repeat(22) }, { cspAgent: 1, id: junk(random) }]);
            delete activity.text;
            break;
        case 17:
            // A customer's own card with buttons that would act as an agent if relayed as it is.
            activity.attachments = [
                {
                    contentType: pick(random, ['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.card.hero', 'Application/Vnd.Microsoft.Card.Adaptive']),
                    content: {
                        type: 'AdaptiveCard',
                        body: [{ type: 'TextBlock', text: pick(random, INJECTIONS) }],
                        actions: [{ type: 'Action.Submit', title: 'Approve', data: { cspAgent: 1, action: 'takeover', ticket: 1, msteams: { type: 'imBack', value: 'agents add aaaaaaaa-0000-4000-8000-0000000000ff' } } }],
                        buttons: [{ type: 'openUrl', title: 'Pay', value: 'https://pay.evil.example/' }],
                    },
                },
            ];
            break;
        default:
            delete activity[pick(random, ['type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'text', 'id'])];
    }
}

/** Bodies that are not activities at all. */
function hostileBody(random: Random): FuzzRequest {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const bodies: Array<() => FuzzRequest> = [
        () => ({ kind: 'not json', body: pick(random, ['hello', '{', '{"type":', '}{', '[1,2', 'undefined', 'NaN']), contentType: 'application/json' }),
        () => ({ kind: 'json scalar', body: pick(random, ['null', '0', '"message"', 'true', '[]', '[{}]', '{}']), contentType: 'application/json' }),
        () => ({ kind: 'deep nesting', body: deep(int(random, 2) ? 5_000 : 100_000), contentType: 'application/json' }),
        () => ({ kind: 'deep object', body: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000), contentType: 'application/json' }),
        () => ({ kind: 'invalid utf-8', body: Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"}')]), contentType: 'application/json' }),
        () => ({ kind: 'over the size limit', body: JSON.stringify({ type: 'message', text: 'z'.repeat(300_000) }), contentType: 'application/json' }),
        () => ({ kind: 'other content type', body: 'type=message&text=hi', contentType: pick(random, ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', '']) }),
        () => ({ kind: 'empty', body: '', contentType: 'application/json' }),
        () => ({ kind: 'duplicate keys', body: '{"type":"message","type":{"x":1},"text":"hi","text":null}', contentType: 'application/json' }),
    ];
    return pick(random, bodies)();
}

/** The i-th generated request: a hostile body, a hostile activity, or one in hostile HTTP framing. */
export function generate(random: Random, ctx: FuzzContext, index: number): FuzzRequest {
    const roll = int(random, 6);
    if (roll === 0) return hostileBody(random);
    const body = JSON.stringify(hostileActivity(random, ctx, index));
    if (roll === 1) return hostileTransport(random, Buffer.from(body), ctx.bomb);
    return { kind: 'hostile activity', body, contentType: 'application/json' };
}
