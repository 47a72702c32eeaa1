import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scrubUrl } from '../../src/telemetry/urlScrubbing';
import { FakeAzureMonitor } from '../fakes/fakeAzureMonitor';
import { FakeChannel } from '../fakes/fakeChannel';
import { FakeWebhookReceiver } from '../fakes/fakeWebhookReceiver';
import { choice, visibleText } from '../helpers/botHarness';
import { answerUntilConfirmation, BotProcess, ChannelUser, ISSUE, type ProcessDatabase } from '../helpers/botProcess';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/testDatabase';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'telemetry-test-secret-0123456789';

const ON = TEST_DATABASE_URL ? 'PostgreSQL' : 'a SQLite file';

describe(`OpenTelemetry to Azure Monitor (APPLICATIONINSIGHTS_CONNECTION_STRING), on ${ON}`, function () {
    this.timeout(120_000);
    const monitor = new FakeAzureMonitor();
    const channel = new FakeChannel();
    const receiver = new FakeWebhookReceiver(SECRET);
    let dir = '';
    let log = '';
    let postgres: TestDatabase | undefined;

    before(async () => {
        await Promise.all([monitor.start(), channel.start(), receiver.start()]);
        dir = mkdtempSync(path.join(os.tmpdir(), 'csp-telemetry-'));
        postgres = TEST_DATABASE_URL ? await createTestDatabase() : undefined;
        const where: ProcessDatabase = postgres ? { DATABASE_URL: postgres.url } : { DATABASE_FILE: path.join(dir, 'bot.sqlite') };
        const bot = await BotProcess.start(where, {
            APPLICATIONINSIGHTS_CONNECTION_STRING: monitor.connectionString,
            NODE_EXTRA_CA_CERTS: monitor.caFile(),
            // Metrics every second instead of every minute; no SDK self-reporting to Microsoft.
            OTEL_METRIC_EXPORT_INTERVAL: '1000',
            APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
            APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
            LOG_LEVEL: 'info',
            WEBHOOK_URLS: receiver.url,
            WEBHOOK_SECRET: SECRET,
        });
        try {
            const user = new ChannelUser(channel, 'conv-7f3a9c');
            const summary = await answerUntilConfirmation(user, () => bot.url, await user.say(bot.url, ISSUE));
            assert.match(visibleText(await user.click(bot.url, summary, choice(summary, 'escalation-confirm', 'confirm'))), /Your ticket \*\*SR-\d{4}-000001\*\* is open/);
            await receiver.waitFor((r) => r.accepted().length > 0);
            await waitUntil(async () => monitor.metricNames().has('outbox.deliveries'), 20_000);
        } finally {
            log = bot.log;
            await bot.stop(); // SIGTERM: the last spans are flushed on the way out
        }
    });
    after(async () => {
        await Promise.all([monitor.stop(), channel.stop(), receiver.stop()]);
        await postgres?.drop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('traces each request to /api/messages, named by its route', () => {
        const requests = monitor.of('RequestData').map((e) => e.data.baseData.name);
        assert.ok(requests.includes('POST /api/messages'), requests.join(', '));
    });

    it('traces turns, database statements, outbox deliveries and outbound calls inside them', () => {
        const dependencies = monitor.of('RemoteDependencyData');
        const names = new Set(dependencies.map((e) => e.data.baseData.name));
        for (const name of ['bot.turn message', 'outbox.deliver webhook']) assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`);
        const types = new Set(dependencies.map((e) => e.data.baseData.type));
        if (postgres) assert.ok(types.has('postgresql'), `PostgreSQL statements (the pg instrumentation) in ${[...types].join(', ')}`);
        else for (const name of ['SELECT sqlite', 'INSERT sqlite']) assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`);
        const http = dependencies.filter((e) => e.data.baseData.type === 'Http');
        const webhook = new URL(receiver.url);
        assert.ok(http.some((e) => e.data.baseData.name?.includes('/v3/conversations/:id/activities')), 'the Bot Connector reply, its conversation id scrubbed');
        assert.ok(http.some((e) => e.data.baseData.name === `POST ${webhook.pathname}`), 'the webhook POST (fetch)');
        const request = monitor.of('RequestData').find((e) => e.data.baseData.name === 'POST /api/messages');
        const turns = dependencies.filter((e) => e.data.baseData.name === 'bot.turn message').map((e) => e.tags?.['ai.operation.id']);
        assert.ok(turns.length > 0 && monitor.of('RequestData').some((r) => turns.includes(r.tags?.['ai.operation.id'])), 'a turn belongs to its request\'s operation');
        assert.ok(request);
    });

    it('exports the bot\'s metrics: turns, their duration, database statements and outbox deliveries', () => {
        const names = monitor.metricNames();
        for (const name of ['bot.turns', 'bot.turn.duration', 'db.client.operation.duration', 'outbox.deliveries', 'outbox.delivery.duration']) assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`);
    });

    it('log lines written during a request carry its trace id, the operation id Application Insights shows', () => {
        const operations = new Set(monitor.envelopes.map((e) => e.tags?.['ai.operation.id']));
        const traced = log.split('\n').filter((line) => line.includes('"trace_id"')).map((line) => JSON.parse(line) as { trace_id: string });
        assert.ok(traced.length > 0, `lines with trace_id in:\n${log}`);
        assert.ok(traced.some((line) => operations.has(line.trace_id)));
    });

    it('sends no personal data or message text', () => {
        const sent = JSON.stringify(monitor.envelopes);
        for (const secret of ['alex.kim@fabrikam.example', 'Fabrikam', 'Alex Kim', ISSUE, 'conv-7f3a9c', SECRET]) assert.ok(!sent.includes(secret), secret);
    });

    it('scrubs ids and queries from URLs', () => {
        assert.equal(scrubUrl('http://127.0.0.1:4000/v3/conversations/a:1B2c-xyz/activities/17?x=1'), 'http://127.0.0.1:4000/v3/conversations/:id/activities/:id');
        assert.equal(scrubUrl('/v3/directline/conversations/3f9c0a1b2c4d5e6f7a8b9c0d1e2f/activities'), '/v3/directline/conversations/:id/activities');
        assert.equal(scrubUrl('/api/messages'), '/api/messages');
    });
});
