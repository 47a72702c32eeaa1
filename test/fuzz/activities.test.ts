import assert from 'node:assert/strict';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createLogger } from '../../src/logger';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { gzipBomb, inChunks, rawRequest } from '../helpers/rawHttp';
import { mulberry32 } from '../../src/random';
import { generate, type FuzzContext, type FuzzRequest } from './hostileActivities';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const PARALLEL = 8;
/**
 * Memory bounds for the process (the bot, its database and this test share it): RSS at any
 * point of the run, and what stays reachable (heap and external memory after a full GC).
 * RSS itself does not shrink back after a GC (the allocator keeps freed pages), so the
 * retained figure is the one that would show a leak.
 */
const RSS_BOUND = 1024 * 1024 * 1024;
const RETAINED_GROWTH_BOUND = 48 * 1024 * 1024;

/** Full GCs (without starting node with --expose-gc), with a pause for finalisers and sockets to close. */
async function collectGarbage(): Promise<void> {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

interface Outcome {
    index: number;
    kind: string;
    status: number;
}

/**
 * Fuzzing /api/messages: COUNT generated malformed or hostile requests (wrong types, huge
 * fields, unicode edge cases, script and template injection, prototype pollution keys, unknown
 * activity types, replayed ids and card payloads, non-JSON bodies; and in hostile HTTP framing:
 * compressed, truncated and bomb bodies under every Content-Encoding, odd content types,
 * duplicate and oversized headers, chunked transfer) from a seeded PRNG. Every
 * answer must be below 500, no turn may fail inside the bot, memory must stay bounded, and the
 * bot must still hold a normal conversation at the end. FUZZ_SEED and FUZZ_COUNT reproduce a run.
 */
describe(`fuzzing /api/messages (seed ${SEED})`, () => {
    let bot: BotHarness;
    const logLines: string[] = [];

    before(async () => {
        const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });
        bot = await BotHarness.start({ env: { CONVERSATION_RATE_LIMIT_PER_MINUTE: '10000', MAX_QUEUED_TURNS: '10000' }, logger });
    });
    after(() => bot.stop());

    // Kept-alive connections, as a channel keeps them; node:http sends headers exactly as generated.
    const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });
    after(() => agent.destroy());

    async function send(request: FuzzRequest): Promise<number> {
        const headers = request.headers ?? (request.contentType ? { 'content-type': request.contentType } : {});
        const body = request.chunks ? inChunks(request.body, request.chunks) : request.body;
        return (await rawRequest(bot.baseUrl, { path: '/api/messages', headers, body, agent })).status;
    }

    /** Card submissions in the bot's replies, kept for replays; the channel's buffers are emptied. */
    function harvest(ctx: FuzzContext): void {
        for (const reply of bot.channel.take()) {
            for (const attachment of reply.attachments ?? []) {
                for (const action of (attachment.content?.actions ?? []) as Array<{ data?: Record<string, unknown> }>) {
                    if (action.data && ctx.seenSubmissions.length < 200) ctx.seenSubmissions.push(action.data);
                }
            }
        }
        bot.channel.updated.splice(0);
    }

    it(`answers ${COUNT} hostile requests without a 5xx, a failed turn or unbounded memory`, async function () {
        this.timeout(180_000);
        const random = mulberry32(SEED);
        const bomb = await gzipBomb(100 * 1024 * 1024, { type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: 'fuzz-bomb' }, from: { id: 'bomber' } });
        const ctx: FuzzContext = { serviceUrl: bot.channel.url, seenSubmissions: [], sentIds: [], bomb };
        await collectGarbage();
        const retained = (): number => process.memoryUsage().heapUsed + process.memoryUsage().external;
        const retainedBefore = retained();
        let maxRss = process.memoryUsage().rss;
        const outcomes: Outcome[] = [];
        let next = 0;
        const worker = async (): Promise<void> => {
            while (next < COUNT) {
                const index = next++;
                // Generated in index order (synchronously), so a seed gives the same sequence.
                const request = generate(random, ctx, index);
                outcomes.push({ index, kind: request.kind, status: await send(request).catch(() => -1) });
                if (index % 200 === 0) {
                    harvest(ctx);
                    maxRss = Math.max(maxRss, process.memoryUsage().rss);
                }
            }
        };
        await Promise.all(Array.from({ length: PARALLEL }, worker));
        harvest(ctx);
        await collectGarbage();
        const retainedGrowth = retained() - retainedBefore;

        const byStatus = new Map<number, number>();
        for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
        const failedTurns = logLines.filter((l) => l.includes('turn failed'));
        const summary = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status === -1 ? 'no answer' : status}: ${n}`).join(', ');
        process.stdout.write(`      fuzz: ${outcomes.length} requests (seed ${SEED}): ${summary}; failed turns ${failedTurns.length}; max RSS ${(maxRss / 1048576).toFixed(0)} MB; retained after GC +${(retainedGrowth / 1048576).toFixed(1)} MB\n`);

        const broken = outcomes.filter((o) => o.status >= 500 || o.status === -1).slice(0, 5);
        assert.deepEqual(broken, [], `requests answered 5xx or not at all (re-run with FUZZ_SEED=${SEED}; index into the generated list)`);
        assert.deepEqual(failedTurns.slice(0, 3), [], 'turns failed inside the bot');
        assert.ok((byStatus.get(200) ?? 0) > COUNT / 3, 'a good share of the requests reached the bot');
        assert.ok(maxRss < RSS_BOUND, `RSS reached ${(maxRss / 1048576).toFixed(0)} MB`);
        assert.ok(retainedGrowth < RETAINED_GROWTH_BOUND, `${(retainedGrowth / 1048576).toFixed(1)} MB more stayed reachable`);
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
        // A new customer (the fuzzed ones may have switched their language on purpose).
        const greeting = await bot.send({ text: 'hi', from: { id: 'after-the-fuzz', name: 'Alex Kim' } }, 'after-the-fuzz');
        assert.match(visibleText(greeting), /support assistant/, 'a normal conversation still works');
    });
});
