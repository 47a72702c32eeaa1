import assert from 'node:assert/strict';
import { BotHarness, visibleText } from '../helpers/botHarness';

/** Cases the fuzzer found failing inside the bot or the SDK before the schema caught them. */
describe('malformed activities the fuzzer found', () => {
    let bot: BotHarness;
    before(async () => {
        bot = await BotHarness.start();
    });
    after(() => bot.stop());

    const base = (extra: Record<string, unknown>): string =>
        JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: bot.channel.url, conversation: { id: 'found' }, from: { id: 'u' }, recipient: { id: 'bot' }, text: 'hi', ...extra });

    const refused: Array<[string, Record<string, unknown>]> = [
        ['a mention entity that names nobody', { entities: [{ type: 'mention', text: '<at>Support</at>' }] }],
        ['a null entity', { entities: [null] }],
        ['members added that are not accounts', { type: 'conversationUpdate', membersAdded: 'everyone' }],
        ['a conversation id with control characters (it goes into a reply header)', { conversation: { id: 'a\u0000b' } }],
        ['an activity id with a lone surrogate (it goes into a reply URL)', { id: 'x\ud800' }],
        ['a service URL that is not http(s)', { serviceUrl: 'ftp://example.com/' }],
        ['isGroup that is not a boolean (echoed on every reply)', { conversation: { id: 'found', isGroup: 'yes' } }],
        ['a Teams message without a recipient', { recipient: undefined }],
    ];
    for (const [name, extra] of refused) {
        it(`answers 400 to ${name}`, async () => {
            const res = await bot.post(base(extra));
            assert.equal(res.status, 400);
        });
    }

    it('refuses invoke activities (the bot implements none) with 400, and ignores message edits', async () => {
        assert.equal((await bot.post(base({ type: 'invoke', name: 'adaptiveCard/action' }))).status, 400);
        assert.equal((await bot.post(base({ type: 'messageUpdate', channelData: undefined }))).status, 200);
        assert.deepEqual(bot.channel.take(), [], 'nothing was said');
        assert.match(visibleText(await bot.say('hi', 'found-later')), /support assistant/);
    });
});
