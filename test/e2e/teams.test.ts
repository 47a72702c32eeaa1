import assert from 'node:assert/strict';
import { BotHarness, visibleText } from '../helpers/botHarness';

const FABRIKAM = '11111111-2222-4333-8444-555555555555';

describe('Teams behaviour', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: { CUSTOMERS_FILE: 'config/customers.example.json' } });
    });
    afterEach(() => bot.stop());

    const teams = (activity: Record<string, unknown>) => bot.send({ channelData: { tenant: { id: FABRIKAM } }, ...activity }, 'a:teams-conv', 'msteams');

    it('welcomes once when the app is installed, not on every message', async () => {
        const installed = await teams({ type: 'installationUpdate', action: 'add' });
        assert.match(visibleText(installed), /support assistant/);
        const next = await teams({ type: 'message', text: 'Intune enrolment of our Windows laptops fails with error 0x80180014' });
        assert.doesNotMatch(visibleText(next), /support assistant/);
    });

    it('strips the @mention in a team channel before reading the message', async () => {
        await teams({ type: 'installationUpdate', action: 'add' });
        const replies = await teams({
            type: 'message',
            text: '<at>Support</at> help',
            entities: [{ type: 'mention', text: '<at>Support</at>', mentioned: { id: 'bot', name: 'Support' } }],
        });
        assert.match(visibleText(replies), /Describe your problem and I'll classify it/, '"help" is understood once the mention is gone');
    });

    it("takes the organisation from the customer's Teams tenant", async () => {
        await teams({ type: 'installationUpdate', action: 'add' });
        let replies = await teams({ type: 'message', text: 'How can we let guests from a partner company join our Teams meetings?' });
        for (const [prompt, value] of [['intake-product', 'microsoft365'], ['intake-kind', 'advisory'], ['intake-category', 'technical'], ['intake-confirm', 'yes'], ['guidance-solved', 'no']] as const) {
            const data = JSON.stringify(replies).includes(`"prompt":"${prompt}"`)
                ? replies.flatMap((r) => (r.attachments ?? []).flatMap((a) => (a.content.actions as Array<{ data: Record<string, unknown> }>) ?? [])).find((x) => x.data.prompt === prompt && x.data.choice === value)?.data
                : undefined;
            if (data) replies = await teams({ type: 'message', value: data });
        }
        replies = await teams({ type: 'message', text: 'sam@fabrikam.example' });
        assert.match(visibleText(replies), /Organisation\nFabrikam Ltd/);
    });
});
