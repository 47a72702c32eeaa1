import assert from 'node:assert/strict';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, button, visibleText } from '../helpers/botHarness';
import { until } from '../helpers/waitUntil';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const JONAS = 'aaaaaaaa-0000-4000-8000-000000000002';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const ENV = { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_AAD_OBJECT_IDS: `${MARIA},${JONAS}`, AGENT_ADMIN_AAD_OBJECT_IDS: MARIA, AGENT_MAX_CHATS: '2' };
const MARIA_CHAT = `a:chat-${MARIA}`;
const JONAS_CHAT = `a:chat-${JONAS}`;

function to(replies: ChannelActivity[], conversationId: string): ChannelActivity[] {
    return replies.filter((r) => r.conversation?.id === conversationId);
}

describe('agents at work all day: availability, routing, several chats, transfer, canned responses, typing', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: ENV });
    });
    afterEach(() => bot.stop());

    function agent(id: string, name: string, locale = 'en-US') {
        return (activity: Record<string, unknown>, where?: string) =>
            bot.send(
                { from: { id: `29:${id}`, name, aadObjectId: id }, locale, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: where ?? `a:chat-${id}`, conversationType: where ? 'channel' : 'personal', tenantId: PARTNER_TENANT }, ...activity },
                where ?? `a:chat-${id}`,
                'msteams',
            );
    }
    const maria = agent(MARIA, 'Maria Lopez');
    const jonas = agent(JONAS, 'Jonas Berg');

    /** A Web Chat customer who asks for a person; returns what they were told. */
    async function asksForPerson(conversation: string, name: string, language: 'en' | 'es' = 'en'): Promise<string> {
        const text = language === 'es' ? 'quiero hablar con una persona' : 'I want to talk to a person';
        return visibleText(await bot.say(text, conversation, { from: { id: `user-${conversation}`, name }, locale: language === 'es' ? 'es-ES' : 'en-US' }));
    }
    const customer = (conversation: string, text: string, name = 'Customer') => bot.say(text, conversation, { from: { id: `user-${conversation}`, name } });

    async function desk(): Promise<void> {
        await maria({ type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL);
        await maria({ text: 'help' });
        await jonas({ text: 'help' });
    }

    it('a person is offered only while someone is available; the queue goes to the available agent with the fewest chats', async () => {
        await desk();
        assert.match(visibleText(await maria({ text: 'away' })), /You're \*\*away\*\*/);
        const last = visibleText(await jonas({ text: 'offline' }));
        assert.match(last, /Nobody is available now/);
        const refused = await asksForPerson('web-1', 'Ana');
        assert.doesNotMatch(refused, /in the queue/);
        assert.match(refused, /No agent can join the chat right now/, 'the customer is told no person is available');
        assert.equal((await bot.app.database.db.selectFrom('handoffs').selectAll().execute()).length, 0);

        const back = await jonas({ text: 'available' });
        assert.match(visibleText(back), /You're \*\*available\*\*/);
        await maria({ text: 'available' });
        // Maria already has a chat: the next customer is offered to Jonas (fewest chats).
        assert.match(await asksForPerson('web-2', 'Bea'), /number 1 in the queue/);
        const mariaOffer = await until(() => bot.channel.history.find((a) => a.conversation?.id === MARIA_CHAT && /You're next for Bea/.test(visibleText([a]))));
        await maria({ text: 'accept' });
        assert.ok(mariaOffer);
        assert.match(await asksForPerson('web-3', 'Carl'), /number 1 in the queue/);
        const offer = await until(() => bot.channel.history.find((a) => a.conversation?.id === JONAS_CHAT && /You're next for Carl/.test(visibleText([a]))));
        assert.ok(offer, 'Jonas, with no chats, is offered Carl');
        assert.equal(bot.channel.history.filter((a) => a.conversation?.id === MARIA_CHAT && /You're next for Carl/.test(visibleText([a]))).length, 0, 'Maria, with a chat, is not');
        const accepted = await jonas({ value: button(bot.channel.history.filter((a) => a.conversation?.id === JONAS_CHAT), /^Accept/), replyToId: offer.id });
        assert.match(visibleText(to(accepted, 'web-3')), /Jonas Berg\*\* from .* has joined the chat/);

        const team = visibleText(await maria({ text: 'team' }));
        assert.match(team, /Maria Lopez: available · 1 chat/);
        assert.match(team, /Jonas Berg: available · 1 chat/);
    });

    it('several chats at once: each customer’s words are marked, switch chooses where messages go, the limit holds, end #id', async () => {
        await desk();
        await jonas({ text: 'offline' });
        await asksForPerson('web-a', 'Ana');
        await asksForPerson('web-b', 'Bruno', 'es');
        await asksForPerson('web-c', 'Carla');
        await maria({ text: 'accept' });
        const second = await maria({ text: 'accept' });
        assert.match(visibleText(second), /now goes to Bruno \(#2\)/);
        assert.match(visibleText(await maria({ text: 'accept' })), /You already have 2 live chats/);

        const fromAna = await customer('web-a', 'are you there?', 'Ana');
        const relayed = visibleText(to(fromAna, MARIA_CHAT));
        assert.match(relayed, /\*\*Ana\*\* \(#1\): are you there\?/);
        assert.match(relayed, /type \*\*switch 1\*\*: your messages go to #2 now/);

        const toBruno = await maria({ text: 'One moment please' });
        assert.match(visibleText(to(toBruno, 'web-b')), /Maria Lopez:\*\* One moment please/);
        const chats = await maria({ text: 'chats' });
        assert.match(visibleText(chats), /Your chats \(2 of 2\) · you are available/);
        assert.match(visibleText(chats), /→ \*\*#2\*\* Bruno/);
        const switched = await maria({ value: button(chats, 'Write to #1') });
        assert.match(visibleText(switched), /Your messages now go to Ana \(#1\)/);
        const toAna = await maria({ text: 'Yes, I am here' });
        assert.match(visibleText(to(toAna, 'web-a')), /Yes, I am here/);
        assert.equal(to(toAna, 'web-b').length, 0);

        const ended = await maria({ text: 'end 2' });
        assert.match(visibleText(ended), /Ended #2; Bruno/);
        assert.match(visibleText(to(ended, 'web-b')), /Maria Lopez\*\* ha salido del chat/, 'Bruno hears it in Spanish');
        assert.match(visibleText(await maria({ text: 'accept' })), /now goes to Carla \(#3\)/, 'room again for the next');
    });

    it('transfer to a colleague with a note, and back to the queue; canned responses in the customer’s language; typing both ways', async () => {
        await desk();
        await asksForPerson('web-es', 'Bruno', 'es');
        await maria({ text: 'accept' });

        const canned = await maria({ text: '/screenshot' });
        assert.match(visibleText(to(canned, 'web-es')), /captura de pantalla del mensaje de error/);
        assert.match(visibleText(await maria({ text: '/nope' })), /There is no canned response \/nope/);
        assert.match(visibleText(await maria({ text: 'canned' })), /\*\*\/screenshot\*\* \(en, es, pt, ru\)/);

        // Typing: the customer's reaches Maria, hers reaches the customer (each at most every few seconds).
        const typed = await bot.send({ type: 'typing', from: { id: 'user-web-es', name: 'Bruno' } }, 'web-es');
        assert.deepEqual(to(typed, MARIA_CHAT).map((a) => a.type), ['typing']);
        const again = await bot.send({ type: 'typing', from: { id: 'user-web-es', name: 'Bruno' } }, 'web-es');
        assert.equal(to(again, MARIA_CHAT).length, 0, 'not twice within a few seconds');
        const agentTyping = await maria({ type: 'typing' });
        assert.deepEqual(to(agentTyping, 'web-es').map((a) => a.type), ['typing']);

        assert.match(visibleText(await maria({ text: 'transfer to Nobody Here' })), /I don't know an agent called Nobody Here/);
        const moved = await maria({ text: 'transfer to jonas: needs a licensing expert, invoice G0123' });
        assert.match(visibleText(moved), /#1 \(Bruno\) is now with Jonas Berg/);
        assert.match(visibleText(to(moved, 'web-es')), /\*\*Maria Lopez\*\* ha pasado su chat a \*\*Jonas Berg\*\*/);
        assert.match(visibleText(to(moved, JONAS_CHAT)), /Maria Lopez transferred Bruno \(#1\) to you\. Note: needs a licensing expert, invoice G0123/);
        assert.match(visibleText(to(moved, JONAS_CHAT)), /quiero hablar con una persona/, 'Jonas sees the conversation so far');
        const fromBruno = await customer('web-es', 'gracias', 'Bruno');
        assert.match(visibleText(to(fromBruno, JONAS_CHAT)), /gracias/);
        assert.equal(to(fromBruno, MARIA_CHAT).length, 0);
        assert.match(visibleText(await maria({ text: 'hello?' })), /not connected/i, 'Maria no longer has the chat');

        const queued = await jonas({ text: 'transfer queue: customer wants a Spanish speaker' });
        assert.match(visibleText(queued), /#1 \(Bruno\) is back in the queue/);
        assert.match(visibleText(to(queued, 'web-es')), /le ha devuelto a la cola/);
        const row = await bot.app.database.db.selectFrom('handoffs').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
        assert.equal(row.state, 'waiting');
        assert.equal(row.transfer_note, 'customer wants a Spanish speaker');
        await until(() => bot.channel.history.find((a) => a.conversation?.id === MARIA_CHAT && /You're next for Bruno/.test(visibleText([a]))));
    });

    it('the desk speaks the agent’s Teams language where it has a catalogue, English otherwise', async () => {
        await desk();
        const german = agent(JONAS, 'Jonas Berg', 'de-DE');
        assert.match(visibleText(await german({ text: 'away' })), /You're \*\*away\*\*/);
        const spanish = agent(MARIA, 'Maria Lopez', 'es-ES');
        const help = visibleText(await spanish({ text: 'help' }));
        assert.match(help, /\*\*accept\*\*/, 'the command words stay the ones the desk reads');
        assert.doesNotMatch(help, /take the oldest waiting customer/);
        assert.notEqual(visibleText(await spanish({ text: 'away' })), visibleText(await maria({ text: 'away' })), 'Spanish for the Spanish Teams client');
        // The agents' channel stays in one language whoever acts.
        await spanish({ text: 'available' });
        await bot.say('I want to talk to a person', 'web-x', { from: { id: 'user-x', name: 'Xavi' } });
        await until(() => bot.channel.history.find((a) => a.conversation?.id === AGENTS_CHANNEL && /Customer waiting for an agent/.test(visibleText([a]))));
    });
});
