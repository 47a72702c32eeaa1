import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { fromRoot } from '../../src/paths';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, choice, promptOf, visibleText } from '../helpers/botHarness';

/** Saturday 28 November 2026, 22:00 in Madrid: the example desk is closed until Monday 09:00. */
const SATURDAY_NIGHT = DateTime.fromISO('2026-11-28T21:00:00Z', { zone: 'utc' });
/** Tuesday 24 November 2026, 21:56 in Madrid: closed until Wednesday 09:00. */
const TUESDAY_2156 = DateTime.fromISO('2026-11-24T20:56:00Z', { zone: 'utc' });
const EXAMPLE = JSON.parse(readFileSync(fromRoot('config/partner.example.json'), 'utf8')) as Record<string, unknown>;
const profile = (promises: Record<string, unknown>) => ({ PARTNER_PROFILE_JSON: JSON.stringify({ ...EXAMPLE, ...promises }) });

interface Customer {
    issue: string;
    impact: 'critical' | 'moderate' | 'minimal';
    locale?: string;
    /** Answer to "continue in English?" when it is asked. */
    english?: 'yes' | 'no';
}

/** Tells a break-fix problem and walks every question to the ticket card; returns every reply on the way, by step. */
async function openTicket(bot: BotHarness, c: Customer): Promise<{ steps: ChannelActivity[][]; card: ChannelActivity[] }> {
    const send = (activity: Record<string, unknown>) => bot.send({ locale: c.locale ?? 'en-US', ...activity });
    const answers: Record<string, string> = { 'intake-confirm': 'yes', 'intake-kind': 'break-fix', 'intake-category': 'technical', 'intake-product': 'microsoft365', 'impact': c.impact, 'impact-english': c.english ?? 'no', 'guidance-solved': 'no' };
    const steps: ChannelActivity[][] = [];
    let replies = await send({ text: c.issue });
    for (let i = 0; i < 14; i++) {
        steps.push(replies);
        const prompt = promptOf(replies);
        if (prompt === 'escalation-confirm') return { steps, card: await send({ value: choice(replies, prompt, 'confirm') }) };
        if (prompt && answers[prompt]) replies = await send({ value: choice(replies, prompt, answers[prompt] ?? '') });
        else if (prompt) throw new Error(`openTicket(): unexpected question ${prompt}:\n${visibleText(replies)}`);
        else if (/e-mail|correo|e-mail|почт/i.test(visibleText(replies))) replies = await send({ text: 'alex@fabrikam.example' });
        else replies = await send({ text: 'Fabrikam Inc' });
    }
    throw new Error('openTicket(): no ticket');
}

describe('promises that match the desk', () => {
    let bot: BotHarness;
    afterEach(async () => {
        await bot.stop();
    });

    it('English Severity A on Saturday night: two hours through the on-call engineer, and the confirmation says the desk is closed until Monday 09:00', async () => {
        bot = await BotHarness.start({ now: SATURDAY_NIGHT });
        const { card } = await openTicket(bot, { issue: 'Outlook is not receiving any emails, Exchange Online shows an error', impact: 'critical' });
        const text = visibleText(card);
        assert.match(text, /open with \*\*Severity A\*\*\. Our first response is due within 2 hours, by Sun 29 Nov 2026, 00:00 \(Europe\/Madrid\)\./);
        assert.match(text, /Our support desk is closed now; it opens Mon 30 Nov 2026, 09:00 \(Europe\/Madrid\)\. Until then, our on-call engineer answers tickets like yours\./);
        const [ticket] = await bot.tickets();
        assert.deepEqual([ticket?.severity, ticket?.due_basis, ticket?.due_at], ['A', 'on-call', '2026-11-28T23:00:00.000Z']);
    });

    it('with only the programme and no rota, English Severity A keeps the two hours but is told the desk is closed, and no one is named', async () => {
        bot = await BotHarness.start({ now: SATURDAY_NIGHT, env: profile({ onCall: [], commitments: [] }) });
        const { card } = await openTicket(bot, { issue: 'Outlook is not receiving any emails, Exchange Online shows an error', impact: 'critical' });
        const text = visibleText(card);
        assert.match(text, /within 2 hours, by Sun 29 Nov 2026, 00:00 \(Europe\/Madrid\)\. Our support desk is closed now; it opens Mon 30 Nov 2026, 09:00 \(Europe\/Madrid\)\./);
        assert.doesNotMatch(text, /on-call|Until then/);
        assert.match(bot.app.warnings.join('\n'), /UNSTAFFED PROMISE: English break-fix Severity A\/B\/C/);
        const [ticket] = await bot.tickets();
        assert.deepEqual([ticket?.due_basis, ticket?.due_at], ['around-the-clock', '2026-11-28T23:00:00.000Z']);
    });

    it('English Severity C at 21:56: due eight business hours after the 09:00 opening (17:00), not at 05:56, and the breach alert follows that time', async () => {
        bot = await BotHarness.start({ now: TUESDAY_2156, env: { DUE_ALERT_PERCENT: '100' } });
        const { card } = await openTicket(bot, { issue: 'Outlook is not receiving any emails, Exchange Online shows an error', impact: 'minimal' });
        const text = visibleText(card);
        assert.match(text, /\*\*Severity C\*\*\. Our first response is due within 8 business hours, by Wed 25 Nov 2026, 17:00 \(Europe\/Madrid\)/);
        assert.match(text, /Our support desk is closed now; it opens Wed 25 Nov 2026, 09:00 \(Europe\/Madrid\)\. Nobody answers before then/);
        assert.doesNotMatch(text, /05:56/);
        const [ticket] = await bot.tickets();
        assert.deepEqual([ticket?.severity, ticket?.due_basis, ticket?.due_at], ['C', 'business-hours', '2026-11-25T16:00:00.000Z']);

        const alerts = async () => (await bot.app.database.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', '=', 'agent-alert').execute()).map((r) => JSON.parse(String(r.payload)) as { kind: string; dueAt: string });
        bot.clock = DateTime.fromISO('2026-11-25T05:30:00Z', { zone: 'utc' });
        await bot.app.clock.sweep();
        assert.deepEqual(await alerts(), [], 'no breach at 06:30 Madrid: the desk has not even opened');
        bot.clock = DateTime.fromISO('2026-11-25T16:01:00Z', { zone: 'utc' });
        await bot.app.clock.sweep();
        assert.deepEqual((await alerts()).map((a) => [a.kind, a.dueAt]), [['breach', '2026-11-25T16:00:00.000Z']]);
    });

    it('a Spanish ticket on Saturday night is told, in Spanish, that the desk is closed, when it opens and that nobody answers before', async () => {
        bot = await BotHarness.start({ now: SATURDAY_NIGHT });
        const { card } = await openTicket(bot, { issue: 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error', impact: 'critical', locale: 'es-ES', english: 'no' });
        const text = visibleText(card);
        assert.match(text, /gravedad A\*\*[\s\S]*2 horas hábiles, a más tardar el lun 30 nov 2026, 11:00 \(Europe\/Madrid\)/);
        assert.match(text, /Nuestro servicio de soporte está cerrado ahora; abre el lun 30 nov 2026, 09:00 \(Europe\/Madrid\)\. Hasta entonces nadie atiende; su ticket quedará esperando a nuestro equipo\./);
        const [ticket] = await bot.tickets();
        assert.deepEqual([ticket?.language, ticket?.due_basis, ticket?.due_at], ['es', 'business-hours', '2026-11-30T10:00:00.000Z']);
    });

    it("a partner commitment overrides the programme: Severity A in any language within 3 hours through a weekend rota, named in the customer's language", async () => {
        const env = profile({
            onCall: [{ id: 'guardia', name: { en: 'our weekend duty engineer', es: 'nuestro técnico de guardia de fin de semana' }, hours: { saturday: [{ start: '00:00', end: '24:00' }], sunday: [{ start: '00:00', end: '24:00' }] } }],
            commitments: [{ kind: 'break-fix', severity: 'A', languages: 'any', coverage: { onCall: 'guardia' }, hours: 3 }],
        });
        bot = await BotHarness.start({ now: SATURDAY_NIGHT, env });
        const { steps, card } = await openTicket(bot, { issue: 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error', impact: 'critical', locale: 'es-ES' });
        assert.ok(!steps.some((r) => promptOf(r) === 'impact-english'), 'English is no faster here, so it is not offered');
        const text = visibleText(card);
        assert.match(text, /en un plazo de 3 horas, a más tardar el dom 29 nov 2026, 01:00 \(Europe\/Madrid\)/);
        assert.match(text, /abre el lun 30 nov 2026, 09:00 \(Europe\/Madrid\)\. Mientras tanto, nuestro técnico de guardia de fin de semana atiende los tickets como el suyo\./);
        const [ticket] = await bot.tickets();
        assert.deepEqual([ticket?.due_basis, ticket?.due_at], ['on-call', '2026-11-29T00:00:00.000Z']);
    });

    it('inside hours nothing is said about the desk, and English B keeps "within 4 hours"', async () => {
        bot = await BotHarness.start();
        const { card } = await openTicket(bot, { issue: 'Outlook is not receiving any emails, Exchange Online shows an error', impact: 'moderate' });
        const text = visibleText(card);
        assert.match(text, /within 4 hours, by Mon 23 Nov 2026, 14:00 \(Europe\/Madrid\)/);
        assert.doesNotMatch(text, /closed/);
    });
});
