import assert from 'node:assert/strict';
import { AgentDirectory } from '../../src/handoff/agentDirectory';
import { parseAgentCommand } from '../../src/handoff/agentCommands';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';

const TENANT = '0b9f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const AGENT = 'aaaaaaaa-0000-4000-8000-000000000001';

function teams(aadObjectId: string, tenant = TENANT, conversationTenant: string | undefined = tenant) {
    return { channelId: 'msteams', from: { id: `29:${aadObjectId}`, name: 'Agent', aadObjectId }, channelData: { tenant: { id: tenant } }, conversation: { id: 'a:1', tenantId: conversationTenant, isGroup: false, conversationType: 'personal', name: '' } };
}

describe('agent commands', () => {
    it('reads whole-message commands and card actions, and nothing else', () => {
        assert.deepEqual(parseAgentCommand('accept #12', undefined), { kind: 'accept', handoff: 12 });
        assert.deepEqual(parseAgentCommand('  Queue ', undefined), { kind: 'queue' });
        assert.deepEqual(parseAgentCommand('note called the customer back', undefined), { kind: 'note', text: 'called the customer back' });
        assert.deepEqual(parseAgentCommand('', { cspAgent: 1, action: 'takeover', handoff: 0, ticket: 7 }), { kind: 'takeover', ticket: 7 });
        assert.deepEqual(parseAgentCommand(`agents add ${AGENT} Sam Lee`, undefined), { kind: 'agents-add', aadObjectId: AGENT, name: 'Sam Lee' });
        for (const text of ['queue please', 'accept everyone', 'end of the month report', 'agents add not-a-guid', 'please end']) assert.equal(parseAgentCommand(text, undefined), undefined, text);
        assert.equal(parseAgentCommand('', { cspAgent: 1, action: 'drop-tables', handoff: 1 }), undefined);
        assert.equal(parseAgentCommand('', { cspAgent: '1', action: 'accept', handoff: 1 }), undefined);
    });
});

describe('agent directory', () => {
    let database: OpenDatabase;
    let agents: AgentDirectory;
    beforeEach(async () => {
        database = await openSqliteDatabase(':memory:');
        agents = new AgentDirectory(database.db, { partnerTenantId: TENANT, agentIds: [AGENT.toUpperCase()], adminIds: [] });
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
        const open = new AgentDirectory(database.db, { partnerTenantId: undefined, agentIds: [AGENT], adminIds: [] });
        assert.equal(await open.identify(teams(AGENT)), undefined);
    });

    it('claims are atomic: of ten concurrent accepts exactly one wins', async () => {
        const store = new HandoffStore(database.db);
        const { handoff } = await store.enqueue({ conversationId: 'c1', channelId: 'webchat', hub: 'builtin', reason: 'asked', language: 'en', customerName: null, customerOrganisation: null, ticketId: null, summary: null, customerReference: '{}' }, new Date());
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claim(handoff.id, { aadObjectId: `agent-${i}`, name: `Agent ${i}` }, new Date())));
        assert.equal(results.filter((r) => r.won).length, 1);
        const again = await store.enqueue({ conversationId: 'c1', channelId: 'webchat', hub: 'builtin', reason: 'asked', language: 'en', customerName: null, customerOrganisation: null, ticketId: null, summary: null, customerReference: '{}' }, new Date());
        assert.equal(again.created, false, 'one live takeover per conversation');
    });
});
