import assert from 'node:assert/strict';
import type { ClassifiedCase } from '../../src/cases/caseDraft';
import { EscalationDialog } from '../../dialogs/escalationDialog';
import { GuidanceDialog, type GuidanceOutcome } from '../../dialogs/guidanceDialog';
import { ImpactDialog } from '../../dialogs/impactDialog';
import { dialogRig, shown, submit } from '../helpers/dialogHarness';

const breakFix = (overrides: Partial<ClassifiedCase> = {}): ClassifiedCase => ({
    intakeId: 'i-1',
    language: 'en',
    description: 'Emails from outside are not arriving in Exchange Online since 9am',
    category: 'technical',
    product: 'microsoft365',
    kind: 'break-fix',
    toAsk: [],
    ...overrides,
});

describe('ImpactDialog', () => {
    const cases: Array<[string, string, string]> = [
        ['production down for everyone', 'A', 'within 2 hours, by Mon 23 Nov 2026, 12:00 (Europe/Madrid)'],
        ['the finance team is partially affected', 'B', 'within 4 hours, by Mon 23 Nov 2026, 14:00 (Europe/Madrid)'],
        ['just me, there is a workaround', 'C', 'within 8 hours, by Mon 23 Nov 2026, 18:00 (Europe/Madrid)'],
        ['b', 'B', 'within 4 hours'],
    ];
    for (const [answer, severity, due] of cases) {
        it(`reads "${answer}" as Severity ${severity} and states the due time`, async () => {
            const rig = await dialogRig();
            const client = rig.client((s) => new ImpactDialog(s), breakFix());
            const card = await client.sendActivity('go');
            assert.match(shown(card), /Considerable loss or degradation of services; production is down/);
            const reply = await client.sendActivity(answer);
            assert.match(shown(reply), new RegExp(`Severity ${severity}\\*\\*\\. Our first response is due ${due.replace(/[()]/g, '\\$&')}`));
            assert.equal((client.dialogTurnResult.result as ClassifiedCase).severity, severity);
        });
    }

    it('asks again when the answer says nothing about impact', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new ImpactDialog(s), breakFix());
        await client.sendActivity('go');
        assert.match(shown(await client.sendActivity('banana')), /Sorry, I didn't catch that\. How much does this affect your business\? You can answer \*\*Critical\*\*, \*\*Moderate\*\* or \*\*Minimal\*\*/);
    });

    it('takes the card button', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new ImpactDialog(s), breakFix());
        const card = await client.sendActivity('go');
        assert.match(shown(await client.sendActivity({ value: submit(card, 'Moderate') })), /Severity B/);
    });
});

describe('GuidanceDialog', () => {
    it('offers the mail-flow article and records "yes" as resolved', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new GuidanceDialog(s), breakFix());
        const card = await client.sendActivity('go');
        assert.match(shown(card), /mail|message/i);
        await client.sendActivity('yes');
        const outcome = client.dialogTurnResult.result as GuidanceOutcome;
        assert.equal(outcome.resolved, true);
        assert.ok(outcome.articleIds.includes('mail-flow-problems'));
    });

    it('ends without asking when no article fits', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new GuidanceDialog(s), breakFix({ description: 'zzzz qqqq xxxx', product: 'dynamics365' }));
        const reply = await client.sendActivity('go');
        assert.equal(reply, undefined);
        assert.deepEqual(client.dialogTurnResult.result, { resolved: false, articleIds: [] });
    });
});

describe('EscalationDialog', () => {
    it('asks name, e-mail and organisation, refuses invalid ones, and stores one ticket with the partner as Microsoft contact', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new EscalationDialog(s), breakFix({ severity: 'B', impact: 'moderate', dueAt: '2026-11-23T13:00:00.000Z', dueBasis: 'around-the-clock' }));
        assert.match(shown(await client.sendActivity('go')), /open a ticket/);
        assert.match(shown(client.getNextReply()), /What is your name/);
        assert.match(shown(await client.sendActivity('<script>')), /Please type your name/);
        assert.match(shown(await client.sendActivity('María José Pérez')), /e-mail address/);
        assert.match(shown(await client.sendActivity('not-an-email')), /doesn't look like an e-mail/);
        assert.match(shown(await client.sendActivity('MJ.Perez@Fabrikam.example')), /Which organisation/);
        const summary = await client.sendActivity('Fabrikam Ltd');
        assert.match(shown(summary), /María José Pérez[\s\S]*mj\.perez@fabrikam\.example[\s\S]*Fabrikam Ltd/);
        const done = await client.sendActivity({ value: submit(summary, 'Open the ticket') });
        assert.match(shown(done), /SR-2026-000001[\s\S]*Severity B/);
        const [row] = await rig.database.db.selectFrom('tickets').selectAll().execute();
        assert.equal(row?.customer_name, 'María José Pérez');
        assert.equal(row?.partner_contact_name, 'Dana Reyes');
        assert.equal(row?.severity, 'B');
    });

    it('takes the organisation from the Teams tenant and opens nothing on "don\'t open"', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new EscalationDialog(s), breakFix({ kind: 'advisory', tenantId: '11111111-2222-4333-8444-555555555555' }));
        await client.sendActivity({ type: 'message', text: 'go', from: { id: 'user1', name: 'Sam Lee' } });
        client.getNextReply();
        const summary = await client.sendActivity('sam@fabrikam.example');
        assert.match(shown(summary), /Sam Lee[\s\S]*Fabrikam Ltd/);
        assert.match(shown(summary), /within one business day|Tue 24 Nov 2026/);
        const cancelled = await client.sendActivity({ value: submit(summary, "Don't open a ticket") });
        assert.match(shown(cancelled), /haven't opened a ticket/);
        assert.equal((await rig.database.db.selectFrom('tickets').selectAll().execute()).length, 0);
    });
});
