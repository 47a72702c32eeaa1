import assert from 'node:assert/strict';
import { BotHarness, button, visibleText } from '../helpers/botHarness';
import type { ChannelActivity } from '../fakes/fakeChannel';

const HEALTH_TOKEN = 'bad-input-health-token-0123456789';
const CARD_ID = (replies: ChannelActivity[]): string | undefined => replies.find((r) => r.attachments?.length)?.id as string | undefined;

describe('bad input through the HTTP server', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start();
    });
    afterEach(async () => {
        await bot.stop();
    });

    it('answers a non-JSON body with 400 and a short reason', async () => {
        const res = await bot.post('this is not json');
        assert.equal(res.status, 400);
        assert.deepEqual(await res.json(), { error: 'body is not valid JSON' });
    });

    it('answers an activity without a conversation with 400 naming the field', async () => {
        const res = await bot.post(JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, from: { id: 'u' }, text: 'hi' }));
        assert.equal(res.status, 400);
        assert.match(((await res.json()) as { error: string }).error, /conversation/);
    });

    it('refuses a 1 MB body with 413, and the bot keeps working', async () => {
        const res = await bot.post(JSON.stringify({ type: 'message', channelId: 'webchat', serviceUrl: bot.channel.url, conversation: { id: 'c' }, from: { id: 'u' }, text: 'x'.repeat(1_048_576) }));
        assert.equal(res.status, 413);
        assert.match(visibleText(await bot.say('hi')), /support assistant/);
    });

    it('tells the customer when a message is longer than the bot reads, without losing the question', async () => {
        await bot.say('hi');
        const replies = await bot.say('Outlook '.repeat(700));
        assert.match(visibleText(replies), /too long for me \(5599 characters; the limit is 4000\)/);
        const next = await bot.describe('Outlook keeps asking for my password since this morning', { kind: 'break-fix' });
        assert.match(visibleText(next), /Here is what I understood/);
    });

    it('asks for text when a message is empty', async () => {
        const replies = await bot.send({ text: '   ' });
        assert.match(visibleText(replies), /I didn't get any text/);
    });

    it('answers an unknown card payload clearly', async () => {
        await bot.say('hi');
        const replies = await bot.send({ value: { action: 'hack', admin: true } });
        assert.match(visibleText(replies), /couldn't read that card/);
    });

    it('clicking the confirm button twice opens one ticket, and says so', async () => {
        const understood = await bot.describe('Our invoice for October is wrong, we were billed for 40 licences instead of 30', { product: 'microsoft365' });
        // No article answers a wrong invoice: the bot goes straight to the contact details.
        const contact = await bot.click(button(understood, "Yes, that's right"));
        assert.match(visibleText(contact), /Which e-mail address/);
        await bot.say('alex@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        const confirm = button(summary, 'Open the ticket');
        await bot.click(confirm);
        const second = await bot.click(confirm);
        assert.match(visibleText(second), /SR-2026-000001\*\* is already open; I haven't created it twice/);
        const frozen = bot.channel.updated.find((a) => a.id === CARD_ID(summary));
        assert.match(visibleText(frozen ? [frozen] : []), /✓ Open the ticket/, 'the summary card was replaced so its buttons are gone');
        assert.equal((await bot.tickets()).length, 1);
    });

    it('ignores a click on an earlier card and asks the current question again', async () => {
        const understood = await bot.describe('Azure VM will not start, AllocationFailed', { kind: 'break-fix' });
        const impact = await bot.click(button(understood, "Yes, that's right"));
        const stale = await bot.click(button(understood, 'No, let me correct it'));
        assert.match(visibleText(stale), /belongs to an earlier question[\s\S]*How much does this affect your business/);
        assert.ok(impact.length > 0);
    });

    it('keeps the conversation across a restart of the process between two turns', async () => {
        const understood = await bot.describe('Azure VM will not start, AllocationFailed', { kind: 'break-fix' });
        await bot.restart();
        const impact = await bot.click(button(understood, "Yes, that's right"));
        assert.match(visibleText(impact), /How much does this affect your business/);
        const severity = await bot.click(button(impact, 'Minimal'));
        assert.match(visibleText(severity), /Severity C/);
    });

    it('welcomes a member who joins once, not on every message', async () => {
        const joined = await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }, { id: 'bot' }] });
        assert.match(visibleText(joined), /support assistant/);
        const first = await bot.describe('Teams meetings have no audio for the whole company', { kind: 'break-fix' });
        assert.doesNotMatch(visibleText(first), /support assistant/);
        assert.match(visibleText(first), /Here is what I understood/);
    });

    it('reports database reachability on /healthz (outbox counts on /healthz/details)', async () => {
        await bot.stop();
        bot = await BotHarness.start({ env: { HEALTH_DETAILS_TOKEN: HEALTH_TOKEN } });
        const res = await fetch(`${bot.baseUrl}/healthz/details`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { status: 'ok', database: 'up', outbox: { pending: 0, delivering: 0, delivered: 0, dead: 0, oldestPendingSeconds: 0 } });
    });
});
