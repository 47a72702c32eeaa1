import assert from 'node:assert/strict';
import { renderWeeklySummaryCard } from '../../cards';
import { summaryWeek, WeeklySummary } from '../../src/deskTab/weeklySummary';
import { createLogger } from '../../src/logger';
import { BotHarness, visibleText } from '../helpers/botHarness';
import { seedDesk } from '../helpers/deskSeed';
import { until } from '../helpers/waitUntil';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const ADMIN = 'aaaaaaaa-0000-4000-8000-0000000000ad';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';

describe('Weekly summary for the agents', function () {
    this.timeout(30_000);

    it('is due from Monday at the hour in the partner’s zone, for the ISO week just finished', () => {
        // Monday 23 November 2026: 07:59 in Madrid is still before the hour, 08:00 is not.
        assert.deepEqual(summaryWeek(new Date('2026-11-23T06:59:00Z'), 'Europe/Madrid', 8), { week: '2026-W46', from: '2026-11-09', to: '2026-11-15' });
        assert.deepEqual(summaryWeek(new Date('2026-11-23T07:00:00Z'), 'Europe/Madrid', 8), { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
        assert.deepEqual(summaryWeek(new Date('2026-11-26T12:00:00Z'), 'Europe/Madrid', 8), { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' }, 'late in the week rather than never');
        // Sunday 23:30 UTC is already Monday 08:30 in Auckland.
        assert.equal(summaryWeek(new Date('2026-11-22T19:30:00Z'), 'Pacific/Auckland', 8).week, '2026-W47');
    });

    it('renders a card with the figures and a link to the desk', () => {
        const card = renderWeeklySummaryCard({ title: 'Desk summary, week 47', period: '16 Nov – 22 Nov 2026 (Europe/Madrid)', facts: [{ title: 'Volume', value: '12 tickets' }], url: 'https://bot.contoso.example/desk#reports' });
        const content = card.attachment.content as { actions: Array<{ type: string; url: string }> };
        assert.deepEqual(content.actions, [{ type: 'Action.OpenUrl', title: 'Open the desk', url: 'https://bot.contoso.example/desk#reports' }]);
        assert.equal((renderWeeklySummaryCard({ title: 't', period: 'p', facts: [], url: '' }).attachment.content as { actions?: unknown[] }).actions?.length ?? 0, 0);
    });

    it("posts last week's volume, deflection, due times met and rating to the agents' channel once, across instances", async () => {
        const bot = await BotHarness.start({ env: { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN, DESK_BASE_URL: 'https://bot.contoso.example' } });
        try {
            const added = await bot.send({ type: 'installationUpdate', action: 'add', from: { id: `29:${ADMIN}`, name: 'Ada Admin', aadObjectId: ADMIN }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: AGENTS_CHANNEL, conversationType: 'channel', tenantId: PARTNER_TENANT } }, AGENTS_CHANNEL, 'msteams');
            assert.match(visibleText(added), /This channel now receives/);
            await seedDesk(bot.app.database.db, { tickets: 200, from: new Date('2026-11-10T00:00:00Z'), now: bot.clock.toJSDate(), seed: 3 });
            const report = await bot.app.desk.report({ from: '2026-11-16', to: '2026-11-22' });
            assert.ok(report.summary.tickets > 50);

            assert.equal(await bot.app.desk.weekly?.sweep(), true);
            assert.equal(await bot.app.desk.weekly?.sweep(), false, 'the same instance again');
            const other = new WeeklySummary(bot.app.database.db, { timeZone: 'Europe/Madrid', hour: 8, deskUrl: '', report: (q) => bot.app.desk.report(q), now: () => bot.clock.toJSDate() }, createLogger('silent'));
            assert.equal(await other.sweep(), false, 'another instance');

            const card = await until(() => bot.channel.history.find((a) => a.conversation?.id === AGENTS_CHANNEL && JSON.stringify(a.attachments ?? []).includes('Desk summary, week 47')));
            const text = JSON.stringify(card.attachments);
            assert.ok(text.includes(`${report.summary.tickets} tickets`), 'volume');
            assert.ok(text.includes(`${report.summary.deflectionPercent} % resolved by guidance`), 'deflection');
            assert.ok(text.includes(`${report.summary.dueMetPercent} % of first responses`), 'due times met');
            assert.ok(text.includes('https://bot.contoso.example/desk#reports'));
            const rows = await bot.app.database.db.selectFrom('outbox').select('id').where('kind', '=', 'weekly-summary').execute();
            assert.equal(rows.length, 1);
        } finally {
            await bot.stop();
        }
    });
});
