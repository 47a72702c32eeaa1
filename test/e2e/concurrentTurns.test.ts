import assert from 'node:assert/strict';
import { BotHarness, choice, visibleText } from '../helpers/botHarness';
import { answerUntilConfirmation, cardOf, ChannelUser, ISSUE } from '../helpers/botProcess';

/** Messages of one conversation that arrive together (a double click, an impatient customer), on one instance. */
describe('concurrent turns on one conversation', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start();
    });
    afterEach(() => bot.stop());

    it('ten clicks at once on "Open the ticket" open one ticket, announced once', async () => {
        const user = new ChannelUser(bot.channel, 'clicks');
        const summary = await answerUntilConfirmation(user, () => bot.baseUrl, await user.say(bot.baseUrl, ISSUE));
        const confirm = choice(summary, 'escalation-confirm', 'confirm');
        const clicks = await Promise.all(Array.from({ length: 10 }, () => user.send(bot.baseUrl, { value: confirm, replyToId: cardOf(summary, confirm) })));
        assert.deepEqual(
            clicks.map((c) => c.status),
            Array(10).fill(200),
        );
        const said = clicks.map((c) => visibleText(c.replies));
        assert.equal(said.filter((t) => /Your ticket \*\*SR-2026-000001\*\* is open/.test(t)).length, 1, said.join('\n---\n'));
        for (const text of said) assert.match(text, /SR-2026-000001\*\* is (already )?open|already finished|still busy with your previous message/);
        assert.equal((await bot.tickets()).length, 1);
    });

    it('ten copies of the issue at once start one intake', async () => {
        const user = new ChannelUser(bot.channel, 'burst');
        const burst = await Promise.all(Array.from({ length: 10 }, () => user.send(bot.baseUrl, { text: ISSUE })));
        const said = burst.map((b) => visibleText(b.replies));
        assert.equal(said.filter((t) => /Here is what I understood/.test(t) && !/didn't catch that/.test(t)).length, 1, said.join('\n---\n'));
        const summary = await answerUntilConfirmation(user, () => bot.baseUrl, await user.say(bot.baseUrl, 'help'));
        await user.click(bot.baseUrl, summary, choice(summary, 'escalation-confirm', 'confirm'));
        assert.equal((await bot.tickets()).length, 1);
    });
});
