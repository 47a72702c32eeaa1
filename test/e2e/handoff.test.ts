import assert from 'node:assert/strict';
import { TranscriptRepository } from '../../src/transcript/transcriptRepository';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { FakeLanguageService } from '../fakes/fakeLanguageService';
import { BotHarness, button, choice, visibleText } from '../helpers/botHarness';

const PARTNER_TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const MARIA = 'aaaaaaaa-0000-4000-8000-000000000001';
const JONAS = 'aaaaaaaa-0000-4000-8000-000000000002';
const ADMIN = 'aaaaaaaa-0000-4000-8000-0000000000ad';
const STRANGER = 'aaaaaaaa-0000-4000-8000-0000000000ff';
const AGENTS_CHANNEL = '19:agents@thread.tacv2';
const CUSTOMER = 'web-customer-1';

const ENV = { PARTNER_TENANT_ID: PARTNER_TENANT, AGENT_AAD_OBJECT_IDS: `${MARIA},${JONAS}`, AGENT_ADMIN_AAD_OBJECT_IDS: ADMIN };

/** The waiting-customer card among what reached the agents' channel (ticket notices arrive there too, through the outbox). */
function requestCardIn(replies: ChannelActivity[]): ChannelActivity | undefined {
    return replies.find((r) => r.conversation?.id === AGENTS_CHANNEL && /Customer waiting for an agent/.test(visibleText([r])));
}

/** Activities the bot sent to one conversation. */
function to(replies: ChannelActivity[], conversationId: string): ChannelActivity[] {
    return replies.filter((r) => r.conversation?.id === conversationId);
}

describe('agents take over conversations (customer on Web Chat, agents in Teams)', () => {
    let bot: BotHarness;
    let all: ChannelActivity[];

    beforeEach(async () => {
        bot = await BotHarness.start({ env: ENV });
        all = [];
    });
    afterEach(() => bot.stop());

    /** Sends as a Teams user of the given tenant; returns everything the bot sent anywhere. */
    async function teams(user: { id: string; name: string; tenant?: string }, activity: Record<string, unknown>, conversation = `a:chat-${user.id}`, conversationType = 'personal'): Promise<ChannelActivity[]> {
        const tenant = user.tenant ?? PARTNER_TENANT;
        const replies = await bot.send(
            { from: { id: `29:${user.id}`, name: user.name, aadObjectId: user.id }, channelData: { tenant: { id: tenant } }, conversation: { id: conversation, conversationType, tenantId: tenant }, ...activity },
            conversation,
            'msteams',
        );
        all.push(...replies);
        return replies;
    }

    const maria = (activity: Record<string, unknown>, where?: string) => teams({ id: MARIA, name: 'Maria Lopez' }, activity, where ?? `a:chat-${MARIA}`, where ? 'channel' : 'personal');
    const jonas = (activity: Record<string, unknown>, where?: string) => teams({ id: JONAS, name: 'Jonas Berg' }, activity, where ?? `a:chat-${JONAS}`, where ? 'channel' : 'personal');

    async function customer(text: string | Record<string, unknown>): Promise<ChannelActivity[]> {
        const replies = typeof text === 'string' ? await bot.say(text, CUSTOMER) : await bot.send(text, CUSTOMER);
        all.push(...replies);
        return replies;
    }

    async function setUpDesk(): Promise<void> {
        const added = await teams({ id: ADMIN, name: 'Ada Admin' }, { type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL, 'channel');
        assert.match(visibleText(added), /This channel now receives customers who are waiting/);
        await maria({ text: 'help' });
        await jonas({ text: 'help' });
    }

    /** A technical break-fix case with moderate impact, to the ticket and the agent offer. */
    async function ticketWithOffer(): Promise<ChannelActivity[]> {
        await customer('hi');
        const understood = await customer('Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        const impact = await bot.click(button(understood, "Yes, that's right"), CUSTOMER);
        const severity = await bot.click(button(impact, /Moderate/), CUSTOMER);
        await bot.click(button(severity, 'No, I still need help'), CUSTOMER);
        await customer('alex.kim@fabrikam.example');
        const summary = await customer('Fabrikam Ltd');
        const done = await bot.click(button(summary, 'Open the ticket'), CUSTOMER);
        assert.match(visibleText(done), /SR-2026-000001/);
        assert.match(visibleText(done), /A person from our support team is available now/);
        return done;
    }

    async function waitingCustomer(): Promise<ChannelActivity> {
        const offer = await ticketWithOffer();
        const queued = await bot.click(choice(offer, 'handoff-offer', 'yes'), CUSTOMER);
        all.push(...queued);
        assert.match(visibleText(to(queued, CUSTOMER)), /You're number 1 in the queue/);
        const card = requestCardIn(queued);
        assert.ok(card, 'the request card reaches the agents channel');
        return card;
    }

    it('whole flow: ticket → offer → queue → card in the agents channel → accept → both ways with attachments → end → rating on the ticket', async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        const cardText = visibleText([card]);
        for (const expected of [/Customer waiting for an agent/, /Alex Kim/, /Fabrikam Ltd/, /English/, /SR-2026-000001/, /Severity\nB/, /microsoft365/, /Due/, /Outlook is not receiving/, /Accept/]) assert.match(cardText, expected);

        const waitingReply = await customer('are you there?');
        assert.match(visibleText(waitingReply), /You're number 1 in the queue/);

        const accepted = await maria({ value: button([card], 'Accept'), replyToId: card.id }, AGENTS_CHANNEL);
        assert.match(visibleText(to(accepted, CUSTOMER)), /\*\*Maria Lopez\*\* from Contoso Cloud Services has joined the chat/);
        const agentChat = visibleText(to(accepted, `a:chat-${MARIA}`));
        assert.match(agentChat, /You're now chatting with Alex Kim/);
        assert.match(agentChat, /are you there\?/, 'the agent sees what the customer wrote while waiting');
        const taken = bot.channel.updated.filter((u) => u.id === card.id);
        assert.match(visibleText(taken.slice(-1)), /Taken by Maria Lopez/, 'the request card is updated in place');
        assert.doesNotMatch(JSON.stringify(taken.slice(-1)), /"action":"accept"/, 'the stale card has no Accept button');

        const screenshot = { contentType: 'image/png', contentUrl: 'https://files.example/outlook-error.png', name: 'outlook-error.png' };
        const fromCustomer = await customer({ text: 'here is the error', attachments: [screenshot] });
        const [relayed] = to(fromCustomer, `a:chat-${MARIA}`);
        assert.match(relayed?.text ?? '', /\*\*Alex Kim\*\* \(#1\): here is the error/);
        assert.deepEqual(relayed?.attachments?.[0], screenshot);
        // A file the built-in Direct Line kept, linked without PUBLIC_URL: the agent is told of it, and where it is.
        const kept = { contentType: 'application/pdf', contentUrl: '/api/attachments/0123456789abcdef0123456789abcdef', name: 'invoice.pdf' };
        const [keptRelayed] = to(await customer({ attachments: [kept] }), `a:chat-${MARIA}`);
        assert.match(keptRelayed?.text ?? '', /the customer attached invoice\.pdf, application\/pdf: it is kept with their ticket/);

        const teamsFile = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'fix.pdf', content: { downloadUrl: 'https://contoso.sharepoint.example/fix.pdf', fileType: 'pdf' } };
        const fromAgent = await maria({ text: 'Please follow the attached steps', attachments: [teamsFile] });
        const [delivered] = to(fromAgent, CUSTOMER);
        assert.match(delivered?.text ?? '', /\*\*Maria Lopez:\*\* Please follow the attached steps/);
        assert.deepEqual(delivered?.attachments?.[0], { contentType: 'application/pdf', contentUrl: 'https://contoso.sharepoint.example/fix.pdf', name: 'fix.pdf' });

        const noted = await maria({ text: 'note customer confirmed mail flow restored after connector fix' });
        assert.match(visibleText(noted), /Note added to the ticket/);

        const ended = await maria({ text: 'end' });
        const customerSide = to(ended, CUSTOMER);
        assert.match(visibleText(customerSide), /Maria Lopez\*\* has left the chat/);
        assert.match(visibleText(customerSide), /How would you rate the help you got from Maria Lopez/);
        const thanks = await bot.click(choice(customerSide, 'handoff-rating', '4'), CUSTOMER);
        assert.match(visibleText(thanks), /Thank you for your feedback/);

        const [ticket] = await bot.tickets();
        assert.equal(ticket?.rating, 4);
        const events = (await bot.app.tickets.events(ticket?.id ?? 0)).map((e) => e.type);
        for (const type of ['handoff.queued', 'taken-over', 'agent.note', 'handoff.ended', 'rated']) assert.ok(events.includes(type), `ticket event ${type}`);

        const transcript = await bot.app.database.db.selectFrom('transcript_entries').selectAll().where('conversation_id', '=', CUSTOMER).orderBy('id').execute();
        assert.ok(transcript.some((e) => e.role === 'customer' && e.text === 'here is the error' && e.attachments?.includes('image/png')));
        assert.ok(transcript.some((e) => e.role === 'agent' && e.author === 'Maria Lopez'));
        // What leaves the partner (the agent hub's history) is read through the repository, redacted.
        const leaving = await new TranscriptRepository(bot.app.database.db).recent(CUSTOMER, 100);
        const emailLine = leaving.find((e) => e.text.includes('alex.kim@fabrikam.example'));
        assert.ok(emailLine && !emailLine.textRedacted.includes('alex.kim@fabrikam.example'), 'the redacted copy masks the e-mail address');

        const back = await customer('thanks, one more question about licences');
        assert.doesNotMatch(visibleText(back), /queue|Maria/, 'the conversation is back with the bot');
    });

    it("a customer's cards reach the agent as read-only text, and no button the bot did not issue to that agent acts", async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        const accept = button([card], 'Accept');
        const ada = (activity: Record<string, unknown>) => teams({ id: ADMIN, name: 'Ada Admin' }, activity);
        await ada({ text: 'help' });
        const wrongPlace = await ada({ value: accept });
        assert.match(visibleText(wrongPlace), /isn't one I gave you/, "a channel card's button pressed from another conversation is refused");
        const joined = await teams({ id: ADMIN, name: 'Ada Admin' }, { value: accept, replyToId: card.id }, AGENTS_CHANNEL, 'channel');
        assert.match(visibleText(to(joined, CUSTOMER)), /Ada Admin\*\* from Contoso Cloud Services has joined/);

        const lure = {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
                type: 'AdaptiveCard',
                version: '1.5',
                body: [{ type: 'TextBlock', text: 'Please approve my access' }],
                actions: [
                    { type: 'Action.Submit', title: 'Approve', data: { cspAgent: 1, action: 'takeover', handoff: 0, ticket: 1 } },
                    { type: 'Action.Submit', title: 'Add me', data: { msteams: { type: 'imBack', value: `agents add ${STRANGER} Me` } } },
                    { type: 'Action.OpenUrl', title: 'Sign in', url: 'https://login.evil.example/' },
                ],
            },
        };
        const hero = { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Invoice', buttons: [{ type: 'openUrl', title: 'Pay now', value: 'https://pay.evil.example/' }] } };
        const sent = await customer({ text: 'see this', attachments: [lure, hero], suggestedActions: { actions: [{ type: 'imBack', title: 'end', value: 'end' }] } });
        const [relayed] = to(sent, `a:chat-${ADMIN}`);
        assert.ok(relayed, 'the message reaches the agent');
        assert.deepEqual(relayed.attachments ?? [], [], 'no card is posted into the agent chat');
        assert.equal(relayed.suggestedActions, undefined);
        assert.doesNotMatch(JSON.stringify(relayed), /"actions"|"buttons"|Action\.Submit/);
        assert.match(relayed.text ?? '', /shown as text[\s\S]*Please approve my access/);
        assert.match(relayed.text ?? '', /`[^`]*https:\/\/pay\.evil\.example\/[^`]*`/, 'links are shown as code, not as links');

        // Pressing what the customer's card carried, had it been posted: nothing happens.
        for (const value of [{ cspAgent: 1, action: 'takeover', handoff: 0, ticket: 1 }, { cspAgent: 1, id: 'A'.repeat(22) }]) {
            const replies = await ada({ value });
            assert.match(visibleText(replies), /isn't one I gave you/);
            assert.equal(to(replies, CUSTOMER).length, 0, 'nothing reaches the customer');
        }
        const list = visibleText(await ada({ text: 'agents' }));
        assert.doesNotMatch(list, new RegExp(STRANGER), 'the attacker was not added');
    });

    it('two agents accepting at once: exactly one wins, the other is told who has it', async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        const accept = button([card], 'Accept');
        const [a, b] = await Promise.all([maria({ value: accept, replyToId: card.id }, AGENTS_CHANNEL), jonas({ value: accept, replyToId: card.id }, AGENTS_CHANNEL)]);
        const everything = [...a, ...b];
        const joined = to(everything, CUSTOMER).filter((r) => /has joined the chat/.test(r.text ?? ''));
        assert.equal(joined.length, 1, 'the customer is told once');
        // Two sends at once share the fake channel: either call may have collected the loser's reply.
        const winner = /Maria Lopez/.test(joined[0]?.text ?? '') ? 'Maria Lopez' : 'Jonas Berg';
        assert.match(visibleText(to(everything, AGENTS_CHANNEL)), new RegExp(`was already taken by ${winner}`));
        const rows = await bot.app.database.db.selectFrom('handoffs').selectAll().execute();
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.state, 'agent');
    });

    it('restart while waiting and while connected: the queue and the relay survive', async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        await bot.restart();
        const accepted = await maria({ value: button([card], 'Accept'), replyToId: card.id }, AGENTS_CHANNEL);
        assert.match(visibleText(to(accepted, CUSTOMER)), /has joined the chat/);
        await bot.restart();
        const relayed = await customer('still broken after the restart?');
        assert.match(visibleText(to(relayed, `a:chat-${MARIA}`)), /still broken after the restart\?/);
        const answered = await maria({ text: 'Yes, checking now' });
        assert.match(visibleText(to(answered, CUSTOMER)), /Yes, checking now/);
    });

    it('cancel while waiting leaves the queue, resumes the intake, and the card says so', async () => {
        await setUpDesk();
        await customer('hi');
        const understood = await customer('Outlook is not receiving any emails since this morning, Exchange Online shows an error');
        assert.match(visibleText(understood), /broken/);
        const queued = await customer('I want to talk to a person');
        assert.match(visibleText(to(queued, CUSTOMER)), /number 1 in the queue/);
        const card = requestCardIn(queued);
        assert.ok(card);
        const left = await customer('cancel');
        assert.match(visibleText(left), /You've left the queue/);
        assert.match(visibleText(left), /Let's carry on where we were/);
        assert.match(visibleText(left), /Yes, that's right/, 'the pending question is asked again');
        assert.match(visibleText(bot.channel.updated.filter((u) => u.id === card.id)), /The customer left the queue/);
        const late = await jonas({ value: button([card], 'Accept'), replyToId: card.id }, AGENTS_CHANNEL);
        assert.match(visibleText(late), /no longer waiting \(the customer left the queue\)/);
        assert.equal(to(late, CUSTOMER).length, 0);
    });

    it('nobody accepts in time: the customer is told the ticket stands with severity and due time, back with the bot', async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        bot.clock = bot.clock.plus({ minutes: 11 });
        bot.channel.take();
        assert.equal(await bot.app.handoff.sweep(), 1);
        const told = visibleText(to(bot.channel.take(), CUSTOMER));
        assert.match(told, /No agent was free to join in time/);
        assert.match(told, /Your ticket SR-2026-000001 stands at severity B/);
        assert.match(told, /within 4 hours, by Mon 23 Nov 2026, 14:00/);
        assert.match(visibleText(bot.channel.updated.filter((u) => u.id === card.id)), /Nobody accepted within 10 min/);
        const next = await customer('hello again');
        assert.doesNotMatch(visibleText(next), /in the queue/);
    });

    it('outside the partner hours no agent is offered: asking for a person says when the desk opens', async () => {
        await setUpDesk();
        bot.clock = bot.clock.set({ weekday: 6 });
        await customer('hi');
        const replies = await customer('I want to talk to a person');
        const text = visibleText(replies);
        assert.match(text, /Our agents chat during support hours; the next opening is Mon 30 Nov 2026, 09:00/);
        assert.equal(to(replies, AGENTS_CHANNEL).length, 0, 'no card to the agents');
        assert.equal((await bot.app.database.db.selectFrom('handoffs').selectAll().execute()).length, 0);
    });

    it('Severity A brings in a person at once, in the customer language', async () => {
        await setUpDesk();
        const send = async (activity: Record<string, unknown>) => {
            const replies = await bot.send({ locale: 'es-ES', ...activity }, CUSTOMER);
            all.push(...replies);
            return replies;
        };
        await send({ text: 'hola' });
        let replies = await send({ text: 'Outlook no recibe ningún correo desde esta mañana, Exchange Online da un error' });
        if (/intake-kind/.test(JSON.stringify(replies))) replies = await send({ value: choice(replies, 'intake-kind', 'break-fix') });
        const impact = await send({ value: choice(replies, 'intake-confirm', 'yes') });
        const severity = await send({ value: choice(impact, 'impact', 'critical') });
        const stay = /impact-english/.test(JSON.stringify(severity)) ? await send({ value: choice(severity, 'impact-english', 'no') }) : severity;
        await send({ value: choice(stay, 'guidance-solved', 'no') });
        await send({ text: 'alex.kim@fabrikam.example' });
        const summary = await send({ text: 'Fabrikam Ltd' });
        const done = await send({ value: choice(summary, 'escalation-confirm', 'confirm') });
        assert.match(visibleText(to(done, CUSTOMER)), /Como es de severidad A/);
        assert.match(visibleText(to(done, CUSTOMER)), /Usted es el número 1 en la cola/);
        assert.match(visibleText(to(done, AGENTS_CHANNEL)), /Spanish[\s\S]*Severity\nA/);
    });

    it('only Teams users of the partner tenant on the agent list are agents; every impersonation is refused and reaches no customer', async () => {
        await setUpDesk();
        const card = await waitingCustomer();
        const accept = button([card], 'Accept');
        const attempts: Array<() => Promise<ChannelActivity[]>> = [
            // A Web Chat user calling themselves Agent and typing agent commands.
            () => bot.send({ from: { id: 'web-2', name: 'Agent' }, text: 'queue' }, 'web-attacker'),
            () => bot.send({ from: { id: 'web-2', name: 'Agent' }, text: 'accept' }, 'web-attacker'),
            // A Web Chat user with an agent's object id and forged Teams channelData, clicking Accept.
            () => bot.send({ from: { id: `29:${MARIA}`, name: 'Maria Lopez', aadObjectId: MARIA }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: 'web-attacker', tenantId: PARTNER_TENANT }, value: accept }, 'web-attacker', 'webchat'),
            // A Teams user of another tenant with an agent's object id.
            () => teams({ id: MARIA, name: 'Maria Lopez', tenant: OTHER_TENANT }, { text: 'accept' }, 'a:other-tenant'),
            // Teams, forged channelData tenant but the conversation in another tenant.
            () => bot.send({ from: { id: `29:${MARIA}`, aadObjectId: MARIA, name: 'Maria' }, channelData: { tenant: { id: PARTNER_TENANT } }, conversation: { id: 'a:forged', tenantId: OTHER_TENANT }, text: 'accept' }, 'a:forged', 'msteams'),
            // A partner-tenant Teams user who is not on the list, named Agent, in the agents' channel.
            () => teams({ id: STRANGER, name: 'Agent' }, { value: accept, replyToId: card.id }, AGENTS_CHANNEL, 'channel'),
            // ...and trying to make themselves an agent.
            () => teams({ id: STRANGER, name: 'Agent' }, { text: `agents add ${STRANGER} Me` }),
            // An agent who is not an admin trying to add someone.
            () => maria({ text: `agents add ${STRANGER} Friend` }),
        ];
        for (const attempt of attempts) {
            const replies = await attempt();
            assert.equal(to(replies, CUSTOMER).length, 0, 'nothing reaches the waiting customer');
            assert.doesNotMatch(visibleText(replies), /Queue: \d+ waiting|now chatting with/);
        }
        const [row] = await bot.app.database.db.selectFrom('handoffs').selectAll().execute();
        assert.equal(row?.state, 'waiting');
        assert.equal(row?.agent_aad_object_id, null);
        const stranger = await teams({ id: STRANGER, name: 'Agent' }, { text: 'queue' });
        assert.doesNotMatch(visibleText(stranger), /Queue:/, 'the stranger did not become an agent');

        const added = await teams({ id: ADMIN, name: 'Ada Admin' }, { text: `agents add ${STRANGER} Sam New` });
        assert.match(visibleText(added), /Added agent Sam New/);
        const nowAgent = await teams({ id: STRANGER, name: 'Sam New' }, { text: 'queue' });
        assert.match(visibleText(nowAgent), /Queue: 1 waiting[\s\S]*#1/);
    });

    it('an agent hub on Direct Line gets the standard handoff event with the transcript; Teams customers never do', async () => {
        await bot.stop();
        bot = await BotHarness.start({ env: { ...ENV, HANDOFF_HUB_CHANNELS: 'directline' } });
        await setUpDesk();
        await bot.send({ text: 'hi' }, 'dl-1', 'directline');
        const replies = await bot.send({ text: 'I want to talk to a person' }, 'dl-1', 'directline');
        const event = replies.find((r) => r.type === 'event');
        assert.equal(event?.name, 'handoff.initiate');
        const transcript = (event?.attachments ?? [])[0] as { name?: string; content?: { activities?: unknown[] } } | undefined;
        assert.equal(transcript?.name, 'Transcript', 'the transcript is attached');
        assert.ok((transcript?.content?.activities ?? []).length >= 2);
        assert.match(JSON.stringify(transcript), /hi/);
        assert.match(visibleText(replies), /connecting you with an agent/);

        const teamsCustomer = await bot.send({ from: { id: '29:x', aadObjectId: STRANGER }, channelData: { tenant: { id: OTHER_TENANT } }, conversation: { id: 'a:teams-customer', tenantId: OTHER_TENANT }, text: 'I want to talk to a person' }, 'a:teams-customer', 'msteams');
        assert.equal(teamsCustomer.filter((r) => r.type === 'event').length, 0);
        assert.match(visibleText(to(teamsCustomer, 'a:teams-customer')), /number 1 in the queue/);
    });

    it('agents list the queue oldest first with time waited and severity, read a transcript, and customers can end the chat', async () => {
        await setUpDesk();
        await waitingCustomer();
        bot.clock = bot.clock.plus({ minutes: 3 });
        const second = await bot.say('I want to talk to a person', 'web-customer-2', { from: { id: 'user-2', name: 'Bea Ruiz' } });
        assert.match(visibleText(to(second, 'web-customer-2')), /number 2 in the queue/);
        const queue = visibleText(await maria({ text: 'queue' }));
        assert.match(queue, /Queue: 2 waiting/);
        assert.match(queue, /#1\*\* · waiting 3 min · Severity B · Alex Kim \(Fabrikam Ltd\)[\s\S]*#2\*\* · waiting 0 min · no severity · Bea Ruiz/);
        const transcript = visibleText(await jonas({ text: 'transcript #1' }));
        assert.match(transcript, /Transcript #1: Alex Kim/);
        assert.match(transcript, /Outlook is not receiving any emails/);

        const accepted = await jonas({ text: 'accept' });
        assert.match(visibleText(to(accepted, CUSTOMER)), /Jonas Berg\*\* from Contoso Cloud Services has joined/, 'plain accept takes the oldest');
        const second2 = await jonas({ text: 'accept 2' });
        assert.match(visibleText(second2), /Everything you write in this chat now goes to Bea Ruiz \(#2\)/, 'an agent holds several chats');
        const ended = await customer('cancel');
        assert.match(visibleText(to(ended, CUSTOMER)), /You've ended the chat with Jonas Berg/);
        assert.match(visibleText(to(ended, `a:chat-${JONAS}`)), /Alex Kim ended the chat/);
        const skipped = await customer('thanks, that is all');
        assert.doesNotMatch(visibleText(skipped), /rate|queue/i, 'a message that is not a rating skips it and goes to the bot');
        const [row] = await bot.app.database.db.selectFrom('handoffs').selectAll().where('id', '=', 1).execute();
        assert.equal(row?.state, 'closed');
        assert.equal(row?.rating, null);
    });

    it('an agent who never chatted with the bot gets a 1:1 chat opened by the bot on accept', async () => {
        await teams({ id: ADMIN, name: 'Ada Admin' }, { type: 'installationUpdate', action: 'add' }, AGENTS_CHANNEL, 'channel');
        await maria({ text: 'help' });
        const card = await waitingCustomer();
        const accepted = await jonas({ value: button([card], 'Accept'), replyToId: card.id }, AGENTS_CHANNEL);
        const created = bot.channel.created.at(-1) as { members?: Array<{ id: string }>; tenantId?: string; id: string } | undefined;
        assert.equal(created?.members?.[0]?.id, `29:${JONAS}`);
        assert.equal(created?.tenantId, PARTNER_TENANT);
        assert.match(visibleText(to(accepted, created?.id ?? '')), /You're now chatting with Alex Kim/);
        assert.match(visibleText(to(accepted, AGENTS_CHANNEL)), /Jonas Berg took #1/);
    });

    it('the wait estimate comes from how long recent customers waited', async () => {
        await setUpDesk();
        for (const [i, minutes] of [4, 6, 8].entries()) {
            await bot.say('I want to talk to a person', `web-past-${i}`);
            bot.clock = bot.clock.plus({ minutes });
            await maria({ text: 'accept' });
            await maria({ text: 'end' });
        }
        const replies = await bot.say('I want to talk to a person', 'web-now');
        assert.match(visibleText(to(replies, 'web-now')), /number 1 in the queue\. Estimated wait: about 6 min/);
    });

    it('a hub reports a failed handoff: the customer is told and is back with the bot', async () => {
        await bot.stop();
        bot = await BotHarness.start({ env: { ...ENV, HANDOFF_HUB_CHANNELS: 'directline' } });
        await bot.send({ text: 'I want to talk to a person' }, 'dl-2', 'directline');
        const failed = await bot.send({ type: 'event', name: 'handoff.status', value: { state: 'failed' } }, 'dl-2', 'directline');
        assert.match(visibleText(failed), /I couldn't reach an agent/);
        const [row] = await bot.app.database.db.selectFrom('handoffs').selectAll().execute();
        assert.equal(row?.state, 'closed');
        assert.equal(row?.ended_by, 'hub-failed');
    });

    it('two negative messages in a row (Azure AI Language sentiment) bring in a person, once the ticket is open so nothing is lost', async () => {
        const language = new FakeLanguageService('lang-key');
        const endpoint = await language.start();
        try {
            await bot.stop();
            bot = await BotHarness.start({ env: { ...ENV, AZURE_LANGUAGE_ENDPOINT: endpoint, AZURE_LANGUAGE_KEY: 'lang-key' } });
            await setUpDesk();
            await customer('hi');
            const first = await customer('This is terrible, Outlook is not receiving any emails since this morning');
            assert.doesNotMatch(visibleText(first), /frustrating/);
            const second = await customer('awful, still nothing works');
            assert.match(visibleText(to(second, CUSTOMER)), /I'm sorry this has been frustrating\. I'll make sure a person from our team takes this over[\s\S]*Here is what I understood/);
            const impact = await bot.click(button(second, "Yes, that's right"), CUSTOMER);
            const escalate = await bot.click(button(impact, /Moderate/), CUSTOMER);
            assert.doesNotMatch(visibleText(escalate), /articles may solve it/, 'no articles for a customer who wants a person');
            await customer('alex.kim@fabrikam.example');
            const summary = await customer('Fabrikam Ltd');
            const done = await bot.click(button(summary, 'Open the ticket'), CUSTOMER);
            all.push(...done);
            assert.match(visibleText(to(done, CUSTOMER)), /SR-2026-000001[\s\S]*number 1 in the queue/);
            assert.match(visibleText(to(done, AGENTS_CHANNEL)), /seemed frustrated/);
        } finally {
            await language.stop();
        }
    });
});
