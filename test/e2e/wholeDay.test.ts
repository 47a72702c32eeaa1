import assert from 'node:assert/strict';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { BotHarness, button, visibleText } from '../helpers/botHarness';
import { openTicketByChat } from '../helpers/openTicket';
import { until } from '../helpers/waitUntil';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const FABRIKAM = '7c1e4b2a-9d3f-4e5a-8b6c-1d2e3f4a5b6c';
const NORTHWIND = '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const JONAS = 'aaaaaaaa-0000-4000-8000-000000000002';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const PSA_KEY = 'autotask-Zq3Lr8Vw1Xy5Tb7Nc9Md2Kf4Hg6Jp0Ss';
const ENV = {
    PARTNER_TENANT_ID: PARTNER_TENANT,
    AGENT_AAD_OBJECT_IDS: JONAS,
    AGENT_ADMIN_AAD_OBJECT_IDS: MARIA,
    PSA_API_KEYS: `autotask:tickets:read+tickets:comment+tickets:status:${PSA_KEY}`,
};

/** A Teams customer of another tenant, in their 1:1 chat with the bot. */
function teamsCustomer(id: string, name: string, tenant: string) {
    const conversation = `a:${id}-chat`;
    return { conversation, activity: { from: { id: `29:${id}`, name, aadObjectId: id }, channelData: { tenant: { id: tenant } }, conversation: { id: conversation, conversationType: 'personal', tenantId: tenant } } };
}

/**
 * A whole day at the desk, through the HTTP endpoint with a fake Teams channel, on SQLite and
 * (under test:postgres) PostgreSQL: two agents, five customers (two in Teams, three on the
 * website), availability changes, a transfer, a resolution with its rating, a reopen, a breach
 * alert, and a comment from the partner's PSA that reaches a Teams customer.
 */
describe('a whole day at the desk: two agents, five customers', () => {
    let bot: BotHarness;
    beforeEach(async () => {
        bot = await BotHarness.start({ env: ENV });
    });
    afterEach(() => bot.stop());

    const agent = (id: string, name: string) => (activity: Record<string, unknown>, where?: string) =>
        bot.send(
            { from: { id: `29:${id}`, name, aadObjectId: id }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: where ?? `a:chat-${id}`, conversationType: where ? 'channel' : 'personal', tenantId: PARTNER_TENANT }, ...activity },
            where ?? `a:chat-${id}`,
            'msteams',
        );
    const maria = agent(MARIA, 'Maria Lopez');
    const jonas = agent(JONAS, 'Jonas Berg');
    const web = (conversation: string, name: string) => (text: string) => bot.say(text, conversation, { from: { id: `user-${conversation}`, name } });
    const said = (conversation: string) => visibleText(bot.channel.history.filter((a: ChannelActivity) => a.conversation?.id === conversation));
    const heard = (conversation: string, pattern: RegExp) => until(() => (pattern.test(said(conversation)) ? true : undefined));
    const later = (minutes: number) => {
        bot.clock = bot.clock.plus({ minutes });
    };

    it('runs from the morning to the evening without losing anyone', async function () {
        this.timeout(60_000);
        // 10:00 Monday in Madrid. Maria sets the desk up; Jonas starts away.
        await maria({ type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL);
        await maria({ text: 'help' });
        await jonas({ text: 'help' });
        await jonas({ text: 'away' });

        // 1. Alex (Teams, Fabrikam): a double charge; a ticket.
        const alex = teamsCustomer('cccccccc-0000-4000-8000-000000000001', 'Alex Kim', FABRIKAM);
        await openTicketByChat(bot, { conversationId: alex.conversation, channelId: 'msteams', activity: alex.activity, email: 'alex.kim@fabrikam.example', organisation: 'Fabrikam Ltd' });
        const alexTicket = 'SR-2026-000001';

        // 2. Bea (website) wants a person: only Maria is available, so she gets her.
        later(5);
        assert.match(visibleText(await web('web-bea', 'Bea Ruiz')('I want to talk to a person')), /number 1 in the queue/);
        await heard(`a:chat-${MARIA}`, /You're next for Bea Ruiz/);
        assert.match(visibleText(await maria({ text: 'accept' })), /now goes to Bea Ruiz/);

        // 3. Jonas is back; Carl (website) goes to him, the available agent with the fewest chats.
        later(10);
        await jonas({ text: 'available' });
        await web('web-carl', 'Carl Berg')('can I speak to someone please');
        await heard(`a:chat-${JONAS}`, /You're next for Carl Berg/);
        await jonas({ text: 'accept' });
        await heard('web-carl', /Jonas Berg\*\* from .* has joined the chat/);

        // Maria passes Bea to Jonas with a note; Jonas now holds two chats and switches between them.
        const moved = await maria({ text: 'transfer to Jonas: licensing question, she has 40 seats' });
        assert.match(visibleText(moved), /is now with Jonas Berg/);
        await heard(`a:chat-${JONAS}`, /Note: licensing question, she has 40 seats/);
        await heard('web-bea', /passed your chat to \*\*Jonas Berg\*\*/);
        await jonas({ text: 'Hello Bea, I have your notes.' });
        await heard('web-bea', /Hello Bea, I have your notes\./);
        await jonas({ text: 'switch 2' });
        await jonas({ text: 'Carl, one moment.' });
        await heard('web-carl', /Carl, one moment\./);
        await jonas({ text: 'end 1' });
        await jonas({ text: 'end 2' });

        // 4. Dana (Teams, Northwind): mail is down; a ticket the PSA will answer.
        later(20);
        const dana = teamsCustomer('cccccccc-0000-4000-8000-000000000002', 'Dana Ivanova', NORTHWIND);
        await openTicketByChat(bot, { conversationId: dana.conversation, channelId: 'msteams', activity: dana.activity, issue: 'Outlook is not receiving any emails since this morning, Exchange Online shows an error', email: 'dana@northwind.example', organisation: 'Northwind Traders', impact: 'moderate' });
        const danaTicket = 'SR-2026-000002';

        // 5. Eve (website): Teams calls drop; nobody answers this one.
        later(5);
        await openTicketByChat(bot, { conversationId: 'web-eve', activity: { from: { id: 'user-web-eve', name: 'Eve Adams' } }, issue: 'Teams calls keep dropping after a minute for our sales team', email: 'eve@contoso-retail.example', organisation: 'Contoso Retail', impact: 'moderate' });
        const eveTicket = 'SR-2026-000003';

        // Maria resolves Alex's ticket; Alex rates it, then reopens it.
        later(30);
        assert.match(visibleText(await maria({ text: `assign ${alexTicket}` })), /now assigned to Maria Lopez/);
        await maria({ text: `resolve ${alexTicket} The duplicate charge is credited on your next invoice.` });
        await heard(alex.conversation, /duplicate charge is credited on your next invoice/);
        const rating = await until(() => bot.channel.history.find((a) => a.conversation?.id === alex.conversation && /How did we do/i.test(visibleText([a]))));
        await bot.send({ ...alex.activity, value: button([rating], /4/), replyToId: rating.id }, alex.conversation, 'msteams');
        later(60);
        const reopened = await bot.send({ ...alex.activity, text: `reopen ${alexTicket}, the credit is not there` }, alex.conversation, 'msteams');
        assert.match(visibleText(reopened), /reopened/i);
        await heard(`a:chat-${MARIA}`, /reopened/);

        // The partner's PSA comments on Dana's ticket: Dana reads it in Teams.
        const res = await fetch(`${bot.baseUrl}/api/psa/v1/tickets/${danaTicket}/comments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${PSA_KEY}`, 'content-type': 'application/json', 'idempotency-key': 'autotask-note-1' },
            body: JSON.stringify({ text: 'Our engineer is checking your Exchange connector now.' }),
        });
        assert.equal(res.status, 201, await res.text());
        await heard(dana.conversation, /Our engineer is checking your Exchange connector now\./);

        // Evening: Eve's ticket passed its due time unanswered; the agents' channel hears of it, once.
        later(5 * 60);
        await bot.app.clock.sweep();
        await bot.app.clock.sweep();
        const breach = await until(() => bot.channel.history.find((a) => a.conversation?.id === AGENTS_CHANNEL && new RegExp(`${eveTicket} \\(Severity B\\) missed its response time`).test(visibleText([a]))));
        assert.match(visibleText([breach]), /Severity B/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(bot.channel.history.filter((a) => a.conversation?.id === AGENTS_CHANNEL && /missed its response time/.test(visibleText([a])) && visibleText([a]).includes(eveTicket)).length, 1);

        // What the database says at the end of the day.
        const tickets = await bot.tickets();
        const byNumber = new Map(tickets.map((t) => [t.number, t]));
        assert.equal(byNumber.get(alexTicket)?.status, 'assigned', 'reopened, back with Maria');
        assert.equal(byNumber.get(alexTicket)?.rating, 4);
        assert.equal(byNumber.get(danaTicket)?.first_response_by, 'autotask');
        assert.equal(byNumber.get(eveTicket)?.first_response_at, null);
        const handoffs = await bot.app.database.db.selectFrom('handoffs').selectAll().orderBy('id').execute();
        assert.deepEqual(handoffs.map((h) => [h.customer_name, h.agent_name, h.state]), [
            ['Bea Ruiz', 'Jonas Berg', 'rating'],
            ['Carl Berg', 'Jonas Berg', 'rating'],
        ]);
        const events = await bot.app.database.db.selectFrom('ticket_events').select(['type']).execute();
        assert.ok(events.some((e) => e.type === 'alert.breach'));
    });
});
