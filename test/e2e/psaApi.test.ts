import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import { until } from '../helpers/waitUntil';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const FABRIKAM_TENANT = '7c1e4b2a-9d3f-4e5a-8b6c-1d2e3f4a5b6c';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const ALEX = 'cccccccc-0000-4000-8000-000000000009';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const ALEX_CHAT = 'a:alex-personal-chat';
const AUTOTASK_KEY = 'autotask-Zq3Lr8Vw1Xy5Tb7Nc9Md2Kf4Hg6Jp0Ss';
const READER_KEY = 'reader-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc';
const KEYS = `autotask:tickets:read+tickets:comment+tickets:status:${AUTOTASK_KEY}, reader:tickets:read:${READER_KEY}`;
const BASE = '/api/psa/v1';
const TICKET = 'SR-2026-000001';

interface Call {
    method?: string;
    key?: string;
    body?: unknown;
    idempotencyKey?: string;
    headers?: Record<string, string>;
}

interface Answer {
    status: number;
    json: Record<string, unknown>;
    headers: Headers;
    text: string;
}

/** One call of the PSA API, as the partner's PSA makes it. */
async function call(bot: BotHarness, path: string, options: Call = {}): Promise<Answer> {
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const res = await fetch(`${bot.baseUrl}${BASE}${path}`, {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
            ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
            ...options.headers,
        },
        body,
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers, text };
}

const comment = (bot: BotHarness, text: string, idempotencyKey: string, key = AUTOTASK_KEY) => call(bot, `/tickets/${TICKET}/comments`, { key, body: { text }, idempotencyKey });
const setStatus = (bot: BotHarness, body: Record<string, unknown>, idempotencyKey: string) => call(bot, `/tickets/${TICKET}/status`, { key: AUTOTASK_KEY, body, idempotencyKey });

function said(bot: BotHarness, conversationId: string): string {
    return visibleText(bot.channel.history.filter((a: ChannelActivity) => a.conversation?.id === conversationId));
}

const alexActivity = { from: { id: `29:${ALEX}`, name: 'Alex Kim', aadObjectId: ALEX }, channelData: { tenant: { id: FABRIKAM_TENANT } }, conversation: { id: ALEX_CHAT, conversationType: 'personal', tenantId: FABRIKAM_TENANT } };

async function openTeamsTicket(bot: BotHarness): Promise<void> {
    await openTicketByChat(bot, { conversationId: ALEX_CHAT, channelId: 'msteams', activity: alexActivity, email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd' });
}

function assertProblem(answer: Answer, status: number, code: string): void {
    assert.equal(answer.status, status, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(answer.json.code, code, answer.text);
    assert.equal(answer.json.status, status);
}

describe('the partner’s PSA drives tickets through its API', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { PSA_API_KEYS: KEYS, PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_ADMIN_AAD_OBJECT_IDS: MARIA } });
    });
    afterEach(() => bot.stop());

    it('a comment reaches the Teams customer, counts as the first response, and shows as "PSA autotask" on the agents’ card', async () => {
        await bot.send({ type: 'installationUpdate', action: 'add', from: { id: `29:${MARIA}`, name: 'Maria Lopez', aadObjectId: MARIA }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: AGENTS_CHANNEL, conversationType: 'channel', tenantId: PARTNER_TENANT } }, AGENTS_CHANNEL, 'msteams');
        await openTeamsTicket(bot);

        const read = await call(bot, `/tickets/${TICKET}`, { key: READER_KEY });
        assert.equal(read.status, 200, read.text);
        const before = read.json.ticket as Record<string, unknown>;
        assert.equal(before.number, TICKET);
        assert.equal(before.status, 'new');
        assert.equal(before.first_response_at, null);
        assert.doesNotMatch(read.text, /alex\.kim@fabrikam\.example|Alex Kim/, 'no customer name or e-mail, as in webhooks');

        const answer = await comment(bot, 'Our technician found the duplicate charge and asked Microsoft for a credit note.', 'c-1');
        assert.equal(answer.status, 201, answer.text);
        assert.equal(answer.headers.get('idempotent-replayed'), null);
        assert.ok((answer.json.ticket as Record<string, unknown>).first_response_at, 'the comment is the first response');

        await until(() => (/found the duplicate charge and asked Microsoft for a credit note/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        await until(() => (/\*\*PSA autotask\*\* replied: Our technician found the duplicate charge/.test(said(bot, AGENTS_CHANNEL) + visibleText(bot.channel.updated)) ? true : undefined));
        assert.equal((await bot.tickets())[0]?.first_response_by, 'autotask');
    });

    it('resolving with a text tells the Teams customer the resolution; the lifecycle’s refusals are 409 and 422', async () => {
        await openTeamsTicket(bot);
        assertProblem(await setStatus(bot, { status: 'closed' }, 's-0'), 409, 'not-resolved');
        assertProblem(await setStatus(bot, { status: 'resolved' }, 's-1'), 422, 'text-required');

        const resolved = await setStatus(bot, { status: 'resolved', text: 'Microsoft issued credit note CN-778; it is on your December invoice.' }, 's-2');
        assert.equal(resolved.status, 200, resolved.text);
        assert.equal((resolved.json.ticket as Record<string, unknown>).status, 'resolved');
        await until(() => (/credit note CN-778; it is on your December invoice/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        assert.match(said(bot, ALEX_CHAT), /SR-2026-000001/);
        await until(() => (/How did we do/i.test(said(bot, ALEX_CHAT)) ? true : undefined));

        assertProblem(await setStatus(bot, { status: 'resolved', text: 'again' }, 's-3'), 409, 'unchanged');
        const closed = await setStatus(bot, { status: 'closed' }, 's-4');
        assert.equal(closed.status, 200, closed.text);
        assertProblem(await comment(bot, 'Anything else?', 'c-closed'), 409, 'ticket-closed');
        const reopened = await setStatus(bot, { status: 'new', text: 'Reopened: the credit note is missing.' }, 's-5');
        assert.equal((reopened.json.ticket as Record<string, unknown>).status, 'new', 'an open status reopens a closed ticket');
    });

    it('the ticket’s history: the PSA’s question, the customer’s answer in Teams (redacted, unnamed), and who did what', async () => {
        await openTeamsTicket(bot);
        bot.clock = bot.clock.plus({ minutes: 5 }); // the PSA asks a while after the customer's last message
        const asked = await setStatus(bot, { status: 'waiting-customer', text: 'Which mailbox is affected?' }, 'w-1');
        assert.equal(asked.status, 200, asked.text);
        await until(() => (/Which mailbox is affected\?/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        const added = await bot.send({ ...alexActivity, text: 'The affected mailbox is sales@fabrikam.example, since 10 this morning' }, ALEX_CHAT, 'msteams');
        assert.match(visibleText(added), /added .*SR-2026-000001/i);

        const history = await call(bot, `/tickets/${TICKET}/events`, { key: READER_KEY });
        assert.equal(history.status, 200, history.text);
        const events = history.json.events as Array<{ type: string; actor: { kind: string; name: string | null } | null; status_from: string | null; status_to: string | null; text_redacted: string | null }>;
        assert.equal(events[0]?.type, 'opened');
        const question = events.find((e) => e.type === 'status-changed');
        assert.deepEqual(question, { ...question, actor: { kind: 'psa', name: 'autotask' }, status_from: 'new', status_to: 'waiting-customer', text_redacted: 'Which mailbox is affected?' });
        const answer = events.find((e) => e.type === 'customer-replied');
        assert.deepEqual(answer?.actor, { kind: 'customer', name: null });
        assert.equal(answer?.text_redacted, 'The affected mailbox is [email], since 10 this morning');
        assert.doesNotMatch(history.text, /sales@fabrikam|Alex Kim|alex\.kim@/, 'no personal data');
        assertProblem(await call(bot, '/tickets/SR-2026-000099/events', { key: READER_KEY }), 404, 'ticket-not-found');
    });

    it('a replayed request gets the same answer and posts once, also after a restart; the same key with another body is refused', async () => {
        await openTeamsTicket(bot);
        const first = await comment(bot, 'We are on it.', 'retry-1');
        const again = await comment(bot, 'We are on it.', 'retry-1');
        assert.equal(first.status, 201);
        assert.equal(again.status, 201);
        assert.equal(again.text, first.text, 'the same answer, byte for byte');
        assert.equal(again.headers.get('idempotent-replayed'), 'true');

        assertProblem(await comment(bot, 'Something else.', 'retry-1'), 422, 'idempotency-key-reused');
        assertProblem(await setStatus(bot, { status: 'resolved', text: 'x' }, 'retry-1'), 422, 'idempotency-key-reused');
        const otherCaller = await comment(bot, 'Reader', 'retry-1', READER_KEY);
        assertProblem(otherCaller, 403, 'forbidden');

        // Two identical requests at once (a PSA retrying on a timeout): one comment.
        const [a, b] = await Promise.all([comment(bot, 'Technician booked for 14:00.', 'race-1'), comment(bot, 'Technician booked for 14:00.', 'race-1')]);
        assert.equal(a.text, b.text);
        assert.deepEqual([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort(), ['true', null].sort());

        await bot.restart();
        const afterRestart = await comment(bot, 'We are on it.', 'retry-1');
        assert.equal(afterRestart.text, first.text);
        assert.equal(afterRestart.headers.get('idempotent-replayed'), 'true');

        const events = await bot.app.tickets.events(1);
        assert.equal(events.filter((e) => e.type === 'replied' && /We are on it/.test(e.data)).length, 1, 'the replays posted nothing');
        assert.equal(events.filter((e) => e.type === 'replied' && /Technician booked/.test(e.data)).length, 1, 'the race posted once');
        await until(() => (/Technician booked for 14:00/.test(said(bot, ALEX_CHAT)) ? true : undefined));
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(said(bot, ALEX_CHAT).match(/We are on it\./g)?.length, 1, 'the customer heard it once');
    });

    it('refuses a wrong key, a missing key, a key in the URL, a wrong scope and an unknown ticket', async () => {
        await openTeamsTicket(bot);
        const wrong = await call(bot, `/tickets/${TICKET}`, { key: 'x'.repeat(40) });
        assertProblem(wrong, 401, 'unauthorized');
        assert.match(wrong.headers.get('www-authenticate') ?? '', /Bearer .*invalid_token/);
        assertProblem(await call(bot, `/tickets/${TICKET}`), 401, 'unauthorized');
        assertProblem(await call(bot, `/tickets/${TICKET}`, { headers: { authorization: `Basic ${Buffer.from(`autotask:${AUTOTASK_KEY}`).toString('base64')}` } }), 401, 'unauthorized');
        assertProblem(await call(bot, `/tickets/${TICKET}?api_key=${AUTOTASK_KEY}`), 400, 'key-in-url');
        assertProblem(await call(bot, `/tickets/${TICKET}?access_token=${AUTOTASK_KEY}`, { key: AUTOTASK_KEY }), 400, 'key-in-url');

        const forbidden = await comment(bot, 'Hello', 'c-1', READER_KEY);
        assertProblem(forbidden, 403, 'forbidden');
        assert.match(forbidden.headers.get('www-authenticate') ?? '', /insufficient_scope/);
        assertProblem(await call(bot, `/tickets/${TICKET}/status`, { key: READER_KEY, body: { status: 'resolved', text: 'x' }, idempotencyKey: 's-1' }), 403, 'forbidden');

        assertProblem(await call(bot, '/tickets/SR-2026-000099', { key: READER_KEY }), 404, 'ticket-not-found');
        assertProblem(await call(bot, '/tickets/not-a-number', { key: READER_KEY }), 404, 'ticket-not-found');
        assertProblem(await call(bot, '/tickets/SR-2026-000099/comments', { key: AUTOTASK_KEY, body: { text: 'Hello' }, idempotencyKey: 'c-2' }), 404, 'ticket-not-found');
        assert.equal((await bot.app.tickets.events(1)).filter((e) => e.type === 'replied').length, 0, 'nothing was posted');
    });

    it('refuses a request without Idempotency-Key, bad JSON, a body of the wrong shape or type, and an oversized body', async () => {
        await openTeamsTicket(bot);
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: 'Hello' } }), 400, 'idempotency-key-required');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: '{"text": "Hello"', idempotencyKey: 'j-1' }), 400, 'invalid-json');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: '   ' }, idempotencyKey: 'j-2' }), 400, 'invalid-request');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: 'Hi', internal: true }, idempotencyKey: 'j-3' }), 400, 'invalid-request');
        assertProblem(await call(bot, `/tickets/${TICKET}/status`, { key: AUTOTASK_KEY, body: { status: 'done' }, idempotencyKey: 'j-4' }), 400, 'invalid-request');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: 'text=Hello', idempotencyKey: 'j-5', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: 'x'.repeat(70_000) }, idempotencyKey: 'j-6' }), 413, 'payload-too-large');
        // Refused before the routes, still as problems: over MAX_BODY_BYTES, nested too deep, compressed, no such route.
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: 'x'.repeat(300_000) }, idempotencyKey: 'j-7' }), 413, 'payload-too-large');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: `{"text":"x","n":${'['.repeat(40)}${']'.repeat(40)}}`, idempotencyKey: 'j-8' }), 400, 'invalid-request');
        assertProblem(await call(bot, `/tickets/${TICKET}/comments`, { key: AUTOTASK_KEY, body: { text: 'Hello' }, idempotencyKey: 'j-9', headers: { 'content-encoding': 'gzip' } }), 415, 'unsupported-media-type');
        assertProblem(await call(bot, '/tickets', { key: AUTOTASK_KEY }), 404, 'not-found');
        assert.equal((await bot.app.tickets.events(1)).filter((e) => e.type === 'replied').length, 0, 'nothing was posted');
        // A refused body is not kept: the same key with a good body goes through.
        assert.equal((await comment(bot, 'Hello', 'j-2')).status, 201);
    });

    it('serves an OpenAPI 3.1 document whose paths are exactly the routes, and whose schemas the answers fit', async () => {
        await openTeamsTicket(bot);
        const doc = await call(bot, '/openapi.json');
        assert.equal(doc.status, 200);
        assert.equal(doc.json.openapi, '3.1.0');
        const paths = doc.json.paths as Record<string, Record<string, unknown>>;
        const documented = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${BASE}${path.replace(/\{(\w+)\}/g, ':$1')}`));
        const { routes } = bot.app.server.getDebugInfo() as { routes: Array<{ method: string; path: string }> };
        const served = routes.filter((r) => r.path.startsWith(BASE)).map((r) => `${r.method.toUpperCase()} ${r.path}`);
        assert.deepEqual(documented.sort(), served.sort());
        for (const [path, ops] of Object.entries(paths)) {
            for (const method of Object.keys(ops)) {
                const res = await fetch(`${bot.baseUrl}${BASE}${path.replace('{number}', TICKET)}`, { method: method.toUpperCase() });
                assert.ok(res.status !== 404 && res.status !== 405, `${method} ${path} is served (${res.status})`);
            }
        }

        const ajv = new Ajv2020({ strict: false });
        ajv.addSchema({ $id: 'psa', components: doc.json.components }, 'psa');
        const fits = (name: string, value: unknown): void => assert.ok(ajv.validate({ $ref: `psa#/components/schemas/${name}` }, value), `${name}: ${ajv.errorsText()}`);
        fits('TicketEnvelope', (await call(bot, `/tickets/${TICKET}`, { key: READER_KEY })).json);
        fits('TicketEnvelope', (await comment(bot, 'Hello', 'doc-1')).json);
        fits('TicketEnvelope', (await setStatus(bot, { status: 'with-microsoft', text: 'Filed with Microsoft.' }, 'doc-2')).json);
        fits('EventList', (await call(bot, `/tickets/${TICKET}/events`, { key: READER_KEY })).json);
        fits('Problem', (await call(bot, `/tickets/${TICKET}`, { key: 'nope'.repeat(10) })).json);
        fits('Problem', (await call(bot, '/tickets', { key: READER_KEY })).json);
        fits('CommentRequest', { text: 'Hello' });
        assert.ok(!ajv.validate({ $ref: 'psa#/components/schemas/StatusRequest' }, { status: 'done' }), 'the documented request schema refuses what the route refuses');
    });
});

describe('the PSA API’s limits and switch', () => {
    it('limits each key: beyond its rate 429 with Retry-After, while another key goes on', async () => {
        const bot = await BotHarness.start({ env: { PSA_API_KEYS: KEYS, PSA_RATE_LIMIT_PER_MINUTE: '3' } });
        try {
            for (let i = 0; i < 3; i++) assert.equal((await call(bot, '/tickets/SR-2026-000099', { key: READER_KEY })).status, 404);
            const limited = await call(bot, '/tickets/SR-2026-000099', { key: READER_KEY });
            assertProblem(limited, 429, 'rate-limited');
            assert.ok(Number(limited.headers.get('retry-after')) >= 1);
            assert.equal((await call(bot, '/tickets/SR-2026-000099', { key: AUTOTASK_KEY })).status, 404, 'another key has its own bucket');
        } finally {
            await bot.stop();
        }
    });

    it('does not exist without keys', async () => {
        const bot = await BotHarness.start();
        try {
            assert.equal((await call(bot, '/openapi.json')).status, 404);
            assert.equal((await call(bot, `/tickets/${TICKET}`, { key: AUTOTASK_KEY })).status, 404);
        } finally {
            await bot.stop();
        }
    });
});
