import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { ConfigError, loadConfig } from '../src/config';
import { AGENTS_CHANNEL_SETTING } from '../src/handoff/agentsChannel';
import { createLogger } from '../src/logger';
import { loadPartnerProfile, PartnerProfileSchema } from '../src/partner/partnerProfile';
import { SettingsRepository } from '../src/store/settingsRepository';
import { checkTicketReceivers, startupWarnings, ticketReceivers } from '../src/ticketReceivers';
import { BotProcess } from './helpers/botProcess';

const PRODUCTION = { MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'app-password-for-tests' };
const ADMIN = 'aaaaaaaa-0000-4000-8000-000000000001';
const WEBHOOK = { WEBHOOK_URLS: 'https://psa.contoso.example/hook', WEBHOOK_SECRET: 'a-secret-of-sixteen-chars' };
const profile = loadPartnerProfile(loadConfig({})).profile;

describe('tickets always reach someone', () => {
    it('counts agents, an agents\' channel (configured or saved at installation) and webhooks as receivers', () => {
        assert.deepEqual(ticketReceivers(loadConfig({}), false), []);
        assert.equal(ticketReceivers(loadConfig({ ...PRODUCTION, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN }), false).length, 1);
        assert.equal(ticketReceivers(loadConfig({ AGENTS_CHANNEL_ID: '19:abc@thread.tacv2' }), false).length, 1);
        assert.match(ticketReceivers(loadConfig({}), true)[0] ?? '', /saved when the app was installed/);
        assert.match(ticketReceivers(loadConfig(WEBHOOK), false)[0] ?? '', /WEBHOOK_URLS/);
    });

    it('in production, start-up stops with a message that says what to set; ALLOW_NO_TICKET_RECEIVER=true lets it start', () => {
        assert.throws(
            () => checkTicketReceivers(loadConfig(PRODUCTION), []),
            (err: Error) => err instanceof ConfigError && /no ticket receiver/.test(err.message) && /AGENT_ADMIN_AAD_OBJECT_IDS/.test(err.message) && /WEBHOOK_URLS/.test(err.message) && /ALLOW_NO_TICKET_RECEIVER=true/.test(err.message),
        );
        assert.doesNotThrow(() => checkTicketReceivers(loadConfig({ ...PRODUCTION, ALLOW_NO_TICKET_RECEIVER: 'true' }), []));
        assert.doesNotThrow(() => checkTicketReceivers(loadConfig({ ...PRODUCTION, ...WEBHOOK }), ['webhooks']));
        // Development (no app id) starts, and says so in the banner.
        assert.doesNotThrow(() => checkTicketReceivers(loadConfig({}), []));
    });

    it('the development banner says loudly that nobody receives tickets, and stays quiet once someone does', () => {
        const warnings = startupWarnings(loadConfig({}), profile, []);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0] ?? '', /^NO TICKET RECEIVER: .*nobody is told.*in production \(MicrosoftAppId set\) start-up refuses this unless ALLOW_NO_TICKET_RECEIVER=true/);
        assert.deepEqual(startupWarnings(loadConfig(WEBHOOK), profile, ['webhooks']), []);
        assert.match(startupWarnings(loadConfig({ ...PRODUCTION, ALLOW_NO_TICKET_RECEIVER: 'true' }), profile, [])[0] ?? '', /allowed by ALLOW_NO_TICKET_RECEIVER/);
    });

    it("warns when the programme's around-the-clock English times have nobody behind them out of hours", () => {
        const programmeOnly = PartnerProfileSchema.parse({ ...profile, onCall: [], commitments: [] });
        const warnings = startupWarnings(loadConfig(WEBHOOK), programmeOnly, ['webhooks']);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0] ?? '', /UNSTAFFED PROMISE: English break-fix Severity A\/B\/C is promised around the clock/);
        // Open around the clock: the promise is kept by the desk itself.
        const allDay = [{ start: '00:00', end: '24:00' }];
        const open24x7 = PartnerProfileSchema.parse({ ...programmeOnly, hours: { timeZone: 'Europe/Madrid', weekly: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay, sunday: allDay } } });
        assert.deepEqual(startupWarnings(loadConfig(WEBHOOK), open24x7, ['webhooks']), []);
    });

    describe('through createApp', () => {
        let dir = '';
        beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'csp-receivers-'))));
        afterEach(() => rmSync(dir, { recursive: true, force: true }));
        const config = (env: Record<string, string>) => loadConfig({ DATABASE_FILE: path.join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent', ...env });

        it('refuses a production start without a receiver, starts with a webhook or the override', async () => {
            await assert.rejects(createApp(config(PRODUCTION), createLogger('silent')), (err: Error) => err instanceof ConfigError && /no ticket receiver/.test(err.message));
            for (const env of [{ ...PRODUCTION, ...WEBHOOK }, { ...PRODUCTION, ALLOW_NO_TICKET_RECEIVER: 'true' }] as Array<Record<string, string>>) {
                const app = await createApp(config(env), createLogger('silent'));
                assert.equal(app.warnings.length, env.WEBHOOK_URLS ? 0 : 1);
                await app.drain(1000);
                await app.database.close();
            }
        });

        it("starts in production when the agents' channel was saved at installation", async () => {
            const dev = await createApp(config({}), createLogger('silent'));
            assert.match(dev.warnings.join('\n'), /NO TICKET RECEIVER/);
            await new SettingsRepository(dev.database.db).set(AGENTS_CHANNEL_SETTING, JSON.stringify({ conversation: { id: '19:abc@thread.tacv2' } }), new Date());
            await dev.drain(1000);
            await dev.database.close();
            const app = await createApp(config(PRODUCTION), createLogger('silent'));
            assert.deepEqual(app.warnings, []);
            await app.drain(1000);
            await app.database.close();
        });
    });

    describe('through the real entry point (src/index.ts)', () => {
        let dir = '';
        beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'csp-receivers-'))));
        afterEach(() => rmSync(dir, { recursive: true, force: true }));

        it('a production process exits with the message; a development one starts with the banner', async () => {
            const database = { DATABASE_FILE: path.join(dir, 'bot.sqlite') };
            await assert.rejects(BotProcess.start(database, PRODUCTION), /checkTicketReceivers\(\): no ticket receiver[\s\S]*ALLOW_NO_TICKET_RECEIVER=true/);
            const dev = await BotProcess.start(database);
            try {
                for (let i = 0; i < 50 && !/!!! NO TICKET RECEIVER/.test(dev.log); i++) await new Promise((r) => setTimeout(r, 100));
                assert.match(dev.log, /"level":40[^\n]*"msg":"!!! NO TICKET RECEIVER: no ticket receiver/);
            } finally {
                await dev.stop();
            }
        });
    });
});
