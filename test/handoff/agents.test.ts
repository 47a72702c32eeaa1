import assert from 'node:assert/strict';
import { AgentDirectory } from '../../src/handoff/agentDirectory';
import { AgentActionRepository } from '../../src/handoff/agentActionRepository';
import { commandOfAction, parseAgentCommand } from '../../src/handoff/agentCommands';
import { AgentChatRepository } from '../../src/handoff/agentChatRepository';
import { AgentRepository } from '../../src/handoff/agentRepository';
import { HandoffRepository } from '../../src/handoff/handoffRepository';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';

const TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const AGENT = 'aaaaaaaa-0000-4000-8000-000000000001';

function teams(aadObjectId: string, tenant = TENANT, conversationTenant: string | undefined = tenant) {
    return { channelId: 'msteams', from: { id: `29:${aadObjectId}`, name: 'Agent', aadObjectId }, channelData: { tenant: { id: tenant } }, conversation: { id: 'a:1', tenantId: conversationTenant, isGroup: false, conversationType: 'personal', name: '' } };
}

describe('agent commands', () => {
    it('reads whole-message commands, and nothing else', () => {
        assert.deepEqual(parseAgentCommand('accept #12'), { kind: 'accept', handoff: 12 });
        assert.deepEqual(parseAgentCommand('  Queue '), { kind: 'queue' });
        assert.deepEqual(parseAgentCommand('note called the customer back'), { kind: 'note', text: 'called the customer back' });
        assert.deepEqual(parseAgentCommand(`agents add ${AGENT} Sam Lee`), { kind: 'agents-add', aadObjectId: AGENT, name: 'Sam Lee' });
        for (const text of ['queue please', 'accept everyone', 'end of the month report', 'agents add not-a-guid', 'please end']) assert.equal(parseAgentCommand(text), undefined, text);
    });

    it('reads the commands of agents at work: availability, chats, switch, end #id, transfer with a note, canned responses', () => {
        assert.deepEqual(parseAgentCommand('Away'), { kind: 'availability', availability: 'away' });
        assert.deepEqual(parseAgentCommand('chats'), { kind: 'chats' });
        assert.deepEqual(parseAgentCommand('switch #4'), { kind: 'switch', handoff: 4 });
        assert.deepEqual(parseAgentCommand('end 4'), { kind: 'end', handoff: 4 });
        assert.deepEqual(parseAgentCommand('end'), { kind: 'end', handoff: undefined });
        assert.deepEqual(parseAgentCommand('transfer to Jonas Berg: needs licensing'), { kind: 'transfer', handoff: undefined, to: 'Jonas Berg', note: 'needs licensing' });
        assert.deepEqual(parseAgentCommand('transfer #7 queue'), { kind: 'transfer', handoff: 7, to: 'queue', note: '' });
        assert.deepEqual(parseAgentCommand('transfer to the queue: wants Spanish'), { kind: 'transfer', handoff: undefined, to: 'queue', note: 'wants Spanish' });
        assert.deepEqual(parseAgentCommand('/Thanks'), { kind: 'canned', name: 'thanks' });
        assert.deepEqual(parseAgentCommand('canned'), { kind: 'canned' });
        assert.deepEqual(parseAgentCommand('resolve SR-2026-000001'), { kind: 'resolve', ticket: 'SR-2026-000001', text: '' }, 'the desk asks for the missing text');
        // Words a customer could be told are never commands.
        for (const text of ['away from my desk, back soon', 'switch it off and on again', 'transfer the licences', 'available tomorrow?', '/path/to/file', 'end it']) assert.equal(parseAgentCommand(text), undefined, text);
    });

    it('reads the buttons the bot issued', () => {
        assert.deepEqual(commandOfAction({ action: 'takeover', ticket: 7 }), { kind: 'takeover', ticket: 7 });
        assert.deepEqual(commandOfAction({ action: 'accept', handoff: 3 }), { kind: 'accept', handoff: 3 });
        assert.equal(commandOfAction({ action: 'takeover' }), undefined);
    });
});

describe('agent card buttons', () => {
    let database: OpenDatabase;
    let actions: AgentActionRepository;
    const now = new Date('2026-11-23T09:00:00Z');
    const OTHER = 'aaaaaaaa-0000-4000-8000-000000000002';
    beforeEach(async () => {
        database = await openSqliteDatabase(':memory:');
        actions = new AgentActionRepository(database.db);
    });
    afterEach(() => database.close());

    it('are honoured only for the agent or the channel they were issued to', async () => {
        const mine = await actions.issue({ action: 'end', handoff: 4 }, { agent: AGENT.toUpperCase() }, now);
        assert.deepEqual(await actions.redeem({ cspAgent: 1, id: mine }, ('a:chat'), AGENT), { action: 'end', handoff: 4, ticket: undefined });
        assert.equal(await actions.redeem({ cspAgent: 1, id: mine }, ('a:chat'), OTHER), undefined, "another agent cannot press my card's button");

        const posted = await actions.issue({ action: 'accept', handoff: 5 }, { channel: '19:agents@thread.tacv2' }, now);
        assert.deepEqual(await actions.redeem({ cspAgent: 1, id: posted }, ('19:agents@thread.tacv2;messageid=1700000000'), OTHER), { action: 'accept', handoff: 5, ticket: undefined });
        assert.equal(await actions.redeem({ cspAgent: 1, id: posted }, ('a:chat-of-someone'), OTHER), undefined, 'not from another conversation');
    });

    it('are never read from what a card posts: forged, malformed and unknown ids do nothing', async () => {
        for (const value of [{ cspAgent: 1, action: 'accept', handoff: 1 }, { cspAgent: 1, action: 'takeover', ticket: 7 }, { cspAgent: 1, id: 'x'.repeat(22) }, { cspAgent: '1', id: 'y'.repeat(22) }, 'accept', null]) {
            assert.equal(await actions.redeem(value, ('19:agents@thread.tacv2'), AGENT), undefined, JSON.stringify(value));
        }
    });

    it('are forgotten after 30 days', async () => {
        const old = await actions.issue({ action: 'queue' }, { agent: AGENT }, now);
        assert.equal(await actions.prune(new Date(now.getTime() + 29 * 86_400_000)), 0);
        assert.equal(await actions.prune(new Date(now.getTime() + 31 * 86_400_000)), 1);
        assert.equal(await actions.redeem({ cspAgent: 1, id: old }, ('a:chat'), AGENT), undefined);
    });
});

describe('agent directory', () => {
    let database: OpenDatabase;
    let agents: AgentDirectory;
    beforeEach(async () => {
        database = await openSqliteDatabase(':memory:');
        agents = new AgentDirectory(new AgentRepository(database.db), new AgentChatRepository(database.db), { partnerTenantId: TENANT, agentIds: [AGENT.toUpperCase()], adminIds: [], trusted: true });
    });
    afterEach(() => database.close());

    it('vouches only for listed object ids in Teams of the partner tenant, with tenants agreeing', async () => {
        assert.equal((await agents.identify(teams(AGENT)))?.aadObjectId, AGENT, 'ids compare case-insensitively');
        assert.equal(await agents.identify({ ...teams(AGENT), channelId: 'webchat' }), undefined);
        assert.equal(await agents.identify({ ...teams(AGENT), channelId: 'directline' }), undefined);
        assert.equal(await agents.identify(teams(AGENT, '11111111-2222-4333-8444-555555555555')), undefined);
        assert.equal(await agents.identify(teams(AGENT, TENANT, '11111111-2222-4333-8444-555555555555')), undefined);
        assert.equal(await agents.identify({ ...teams(AGENT), channelData: undefined, conversation: { id: 'a:1', tenantId: undefined, isGroup: false, conversationType: 'personal', name: '' } }), undefined, 'no tenant at all, no agent');
        assert.equal(await agents.identify({ ...teams('not-a-guid') }), undefined);
        assert.equal(await agents.identify({ ...teams(AGENT), from: { id: 'x', name: 'Agent' } }), undefined, 'no object id, no agent');
    });

    it('nobody is an agent without a partner tenant', async () => {
        const open = new AgentDirectory(new AgentRepository(database.db), new AgentChatRepository(database.db), { partnerTenantId: undefined, agentIds: [AGENT], adminIds: [], trusted: true });
        assert.equal(await open.identify(teams(AGENT)), undefined);
    });

    it('nobody is an agent when Teams activities cannot be believed (no Bot Framework authentication), not even one added by an admin', async () => {
        const unauthenticated = new AgentDirectory(new AgentRepository(database.db), new AgentChatRepository(database.db), { partnerTenantId: TENANT, agentIds: [AGENT], adminIds: [AGENT], trusted: false });
        const added = 'aaaaaaaa-0000-4000-8000-000000000003';
        await unauthenticated.add(added, 'Sam', AGENT, new Date());
        assert.equal(await unauthenticated.identify(teams(AGENT)), undefined);
        assert.equal(await unauthenticated.identify(teams(added)), undefined);
        assert.equal(unauthenticated.fromPartnerTeams(teams(AGENT)), false);
    });

    it('claims are atomic: of ten concurrent accepts exactly one wins', async () => {
        const store = new HandoffRepository(database.db);
        const { handoff } = await store.enqueue({ conversationId: 'c1', channelId: 'webchat', hub: 'builtin', reason: 'asked', language: 'en', customerName: null, customerOrganisation: null, ticketId: null, summary: null, customerReference: '{}' }, new Date());
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claim(handoff.id, { aadObjectId: `agent-${i}`, name: `Agent ${i}` }, new Date())));
        assert.equal(results.filter((r) => r.won).length, 1);
        const again = await store.enqueue({ conversationId: 'c1', channelId: 'webchat', hub: 'builtin', reason: 'asked', language: 'en', customerName: null, customerOrganisation: null, ticketId: null, summary: null, customerReference: '{}' }, new Date());
        assert.equal(again.created, false, 'one live takeover per conversation');
    });
});
