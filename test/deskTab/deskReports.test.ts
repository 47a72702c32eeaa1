import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { buildReport } from '../../src/deskTab/deskReports';
import { NowRepository } from '../../src/deskTab/nowRepository';
import { buildNowView } from '../../src/deskTab/nowView';
import { reportFilters } from '../../src/deskTab/reportFilters';
import { ReportRepository } from '../../src/deskTab/reportRepository';
import { OutboxRepository } from '../../src/outbox/outboxRepository';
import { dueState } from '../../src/policy/ticketLifecycle';
import type { OpenDatabase } from '../../src/store/database';
import { SEED_AGENTS, seedDesk } from '../helpers/deskSeed';
import { openTestDatabase } from '../helpers/testDatabase';

const NOW = new Date('2026-12-07T09:30:00.000Z');
const ZONE = 'Europe/Madrid';

/** The figures computed the long way, straight from the rows, to hold the queries to. */
async function expected(database: OpenDatabase, fromIso: string, toIso: string, filter: (t: { category: string; severity: string | null }) => boolean) {
    const tickets = (await database.db.selectFrom('tickets').selectAll().execute()).filter((t) => t.created_at >= fromIso && t.created_at < toIso && filter(t));
    const ids = new Set(tickets.map((t) => t.id));
    const handoffs = (await database.db.selectFrom('handoffs').selectAll().execute()).filter((h) => h.enqueued_at >= fromIso && h.enqueued_at < toIso && h.ticket_id !== null && ids.has(h.ticket_id));
    const waits = handoffs.filter((h) => h.accepted_at).map((h) => Math.round((Date.parse(h.accepted_at ?? '') - Date.parse(h.enqueued_at)) / 1000)).sort((a, b) => a - b);
    const nearest = (p: number) => waits[Math.max(1, Math.ceil((p / 100) * waits.length)) - 1];
    const withDue = tickets.filter((t) => t.due_at);
    const met = withDue.filter((t) => t.first_response_at && t.first_response_at <= (t.due_at ?? '')).length;
    const missed = withDue.filter((t) => (t.first_response_at && t.first_response_at > (t.due_at ?? '')) || (!t.first_response_at && (t.due_at ?? '') < NOW.toISOString())).length;
    const madridHour = tickets.map((t) => DateTime.fromISO(t.created_at).setZone(ZONE)).filter((d) => d.weekday === 1 && d.hour === 10).length;
    return { tickets: tickets.length, guidance: tickets.filter((t) => t.resolution === 'guidance').length, met, missed, median: nearest(50), p90: nearest(90), accepted: waits.length, technical: tickets.filter((t) => t.category === 'technical').length, monday10: madridHour };
}

describe('Desk tab: report and Now figures from the database', function () {
    this.timeout(60_000);
    let database: OpenDatabase;
    let repository: ReportRepository;

    before(async () => {
        database = await openTestDatabase();
        await seedDesk(database.db, { tickets: 1500, from: new Date('2026-10-01T00:00:00Z'), now: NOW, seed: 11 });
        repository = new ReportRepository(database.db, database.dialect);
    });

    after(async () => database?.close());

    it('gives the period’s tickets, deflection, due times met, median and p90 wait, and the busiest hours as the rows say', async () => {
        const f = reportFilters({ from: '2026-11-01', to: '2026-12-06' }, ZONE, NOW);
        const report = await buildReport(repository, f, ZONE, NOW);
        const want = await expected(database, f.fromIso, f.toIso, () => true);
        assert.equal(f.fromIso, '2026-10-31T23:00:00.000Z', 'a day starts at midnight in Madrid');
        assert.ok(want.tickets > 300 && want.accepted > 10, 'the seed covers the period');
        assert.equal(report.summary.tickets, want.tickets);
        assert.equal(report.summary.resolvedByGuidance, want.guidance);
        assert.equal(report.summary.deflectionPercent, Math.round((want.guidance / want.tickets) * 1000) / 10);
        assert.equal(report.summary.dueMet, want.met);
        assert.equal(report.summary.dueMissed, want.missed);
        assert.equal(report.summary.chatsAccepted, want.accepted);
        assert.equal(report.summary.medianWaitSeconds, want.median);
        assert.equal(report.summary.p90WaitSeconds, want.p90);
        const firsts = new Map<string, string>();
        for (const e of await database.db.selectFrom('transcript_entries').select(['conversation_id', 'created_at']).where('role', '=', 'customer').execute()) {
            if (!firsts.has(e.conversation_id) || e.created_at < (firsts.get(e.conversation_id) ?? '')) firsts.set(e.conversation_id, e.created_at);
        }
        assert.equal(report.summary.conversations, [...firsts.values()].filter((at) => at >= f.fromIso && at < f.toIso).length, 'conversations begun in the period');
        const heat = report.tables.find((t) => t.id === 'busiest-hours');
        assert.equal(heat?.rows[0]?.[0], 'Monday');
        assert.equal(heat?.rows[0]?.[11], want.monday10, 'Monday 10:00 Madrid');
        const byCategory = report.tables.find((t) => t.id === 'by-category');
        assert.equal(byCategory?.rows.find((r) => r[0] === 'technical')?.[1], want.technical);
    });

    it('narrows everything by the filters (category and severity here), waits included', async () => {
        const f = reportFilters({ from: '2026-10-01', to: '2026-12-07', category: 'technical', severity: 'B' }, ZONE, NOW);
        const report = await buildReport(repository, f, ZONE, NOW);
        const want = await expected(database, f.fromIso, f.toIso, (t) => t.category === 'technical' && t.severity === 'B');
        assert.equal(report.summary.tickets, want.tickets);
        assert.equal(report.summary.resolvedByGuidance, 0, 'guidance-resolved tickets have no severity');
        assert.equal(report.summary.chatsAccepted, want.accepted);
        assert.equal(report.summary.medianWaitSeconds, want.median);
        assert.deepEqual(report.tables.find((t) => t.id === 'by-severity')?.rows, [['B', want.tickets]]);
    });

    it('Now lists who waits (oldest first), agents with live chats, open tickets soonest due first and dead deliveries', async () => {
        const view = await buildNowView({ now: new NowRepository(database.db, database.dialect), roster: async () => SEED_AGENTS.map((a) => ({ aadObjectId: a.id, name: a.name, availability: a.availability, hasChat: true })), dead: (n) => new OutboxRepository(database.db).dead(n), alertShare: 0.75 }, NOW);
        const rows = await database.db.selectFrom('tickets').selectAll().where('status', 'in', ['new', 'assigned', 'waiting-customer', 'with-microsoft']).execute();
        const states = rows.map((t) => dueState({ createdAt: t.created_at, dueAt: t.due_at, firstResponseAt: t.first_response_at, status: t.status }, NOW, 0.75));
        const count = (s: string) => states.filter((x) => x === s).length;
        assert.equal(view.openCounts.open, rows.length);
        assert.deepEqual(
            { onTrack: view.openCounts.onTrack, atRisk: view.openCounts.atRisk, breached: view.openCounts.breached, met: view.openCounts.met, missed: view.openCounts.missed },
            { onTrack: count('on-track'), atRisk: count('at-risk'), breached: count('breached'), met: count('met'), missed: count('missed') },
        );
        const unanswered = view.openTickets.filter((t) => !t.firstResponseAt).map((t) => t.dueAt ?? '');
        assert.deepEqual(unanswered, [...unanswered].sort(), 'soonest due first');
        assert.deepEqual(view.openTickets.slice(0, unanswered.length).map((t) => t.firstResponseAt), unanswered.map(() => null), 'tickets whose clock runs come first');
        assert.equal(unanswered.length, rows.filter((t) => !t.first_response_at).length);
        const waiting = await database.db.selectFrom('handoffs').select('enqueued_at').where('state', '=', 'waiting').orderBy('enqueued_at').execute();
        assert.deepEqual(view.queue.map((q) => q.enqueuedAt), waiting.map((w) => w.enqueued_at));
        const live = await database.db.selectFrom('handoffs').select('agent_aad_object_id').where('state', '=', 'agent').execute();
        assert.equal(view.agents.reduce((s, a) => s + a.liveChats, 0), live.length);
        assert.equal(view.deadDeliveries.count, 3);
    });
});
