import assert from 'node:assert/strict';
import { MainDialog } from '../../dialogs/mainDialog';
import { dialogRig, shown } from '../helpers/dialogHarness';

describe('MainDialog', () => {
    it('greets briefly (the support terms a button away), takes the first message as the issue, and cancels on request', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new MainDialog(s));
        const welcome = await client.sendActivity('Outlook keeps asking for my password, it shows an error');
        assert.match(shown(welcome), /Contoso Cloud Services support assistant/);
        assert.doesNotMatch(shown(welcome), /Hours of service/);
        assert.deepEqual(welcome?.suggestedActions?.actions.map((a: { title?: string }) => a.title), ['Support terms']);
        const next = client.getNextReply();
        assert.match(shown(next), /Here is what I understood|Is something broken/);
        const cancelled = await client.sendActivity('cancel');
        assert.match(shown(cancelled), /Cancelled; nothing was filed/);
        assert.equal(client.dialogTurnResult.status, 'complete');
    });

    it('answers help with what it can do and the support terms, and asks the current question again', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new MainDialog(s));
        await client.sendActivity('hi');
        client.getNextReply();
        assert.match(shown(await client.sendActivity('help')), /support assistant\. Describe your problem/);
        assert.match(shown(client.getNextReply()), /Contoso Cloud Services: support terms[\s\S]*Hours of service[\s\S]*Monday/);
        assert.match(shown(client.getNextReply()), /What can I help you with/);
    });

    it("asks the partner's own tenant for its support plan and ends politely without one", async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new MainDialog(s), undefined, 'msteams');
        const teams = { channelData: { tenant: { id: '00000000-0000-4000-8000-000000000001' } } };
        await client.sendActivity({ type: 'message', text: 'our VM is down', ...teams });
        assert.match(shown(client.getNextReply()), /not part of the CSP support benefit/);
        assert.match(shown(client.getNextReply()), /ID of that support plan/);
        const none = await client.sendActivity({ type: 'message', text: 'none', ...teams });
        assert.match(shown(none), /can't be filed under the CSP programme/);
        assert.equal((await rig.database.db.selectFrom('tickets').selectAll().execute()).length, 0);
    });

    it('says a person will pick the ticket up, and that there is no phone support', async () => {
        const rig = await dialogRig();
        const client = rig.client((s) => new MainDialog(s));
        await client.sendActivity('hi');
        client.getNextReply();
        assert.match(shown(await client.sendActivity('can I speak to a human')), /will pick this up/);
        client.getNextReply();
        assert.match(shown(await client.sendActivity('phone support please')), /doesn't offer phone support/);
    });
});
