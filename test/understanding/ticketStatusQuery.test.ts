import assert from 'node:assert/strict';
import { mayReadTicket } from '../../src/escalation/ticketAccess';
import { parseTicketStatusQuery } from '../../src/understanding/ticketStatusQuery';

describe('ticket status questions', () => {
    const asks: Array<[string, string]> = [
        ['What is the status of SR-2026-000123?', 'SR-2026-000123'],
        ["where's my ticket SR-2026-000123", 'SR-2026-000123'],
        ['any update on sr 2026 123', 'SR-2026-000123'],
        ['SR-2026-000123', 'SR-2026-000123'],
        ['ticket SR2026000123.', 'SR-2026-000123'],
        ['¿Cuál es el estado del SR-2026-000045?', 'SR-2026-000045'],
        ['estado del ticket SR-2026-000045', 'SR-2026-000045'],
        ['Qual o status do chamado SR-2026-000045?', 'SR-2026-000045'],
        ['situação do chamado SR-2026-000045', 'SR-2026-000045'],
        ['статус SR-2026-000045', 'SR-2026-000045'],
        ['Какой статус у заявки SR-2026-000045?', 'SR-2026-000045'],
        ['заявка SR-2026-000045', 'SR-2026-000045'],
    ];
    for (const [text, number] of asks) it(`reads "${text}" as a question about ${number}`, () => assert.equal(parseTicketStatusQuery(text), number));

    const notAsks = [
        'My ticket SR-2026-000001 was about Outlook but now Teams is broken too',
        'Outlook is not receiving any emails, what is the status of Exchange Online?',
        'what about SR-2026-000007 and Teams is down for everyone since this morning, please fix it as soon as you possibly can',
        'SR-2026-0000001234',
        'status',
    ];
    for (const text of notAsks) it(`leaves "${text}" to the intake`, () => assert.equal(parseTicketStatusQuery(text), undefined));
});

describe('who may read a ticket', () => {
    const FABRIKAM = '11111111-2222-4333-8444-555555555555';
    const teamsTicket = { customerTenantId: FABRIKAM, channelId: 'msteams', conversationId: 'a:teams-1', customerUserId: '29:alex' };
    const webTicket = { customerTenantId: null, channelId: 'directline', conversationId: 'dl-conv-1', customerUserId: 'dl_alex' };
    const web = (conversationId: string, userId: string, tenantId?: string) => ({ channelId: 'directline', conversationId, userId, tenantId });
    const cases: Array<[string, typeof teamsTicket | typeof webTicket, Parameters<typeof mayReadTicket>[1], boolean]> = [
        ['the same tenant in Teams', teamsTicket, { channelId: 'msteams', conversationId: 'a:teams-2', userId: '29:pat', tenantId: FABRIKAM.toUpperCase() }, true],
        ['another tenant in Teams', teamsTicket, { channelId: 'msteams', conversationId: 'a:teams-3', userId: '29:ivan', tenantId: '66666666-7777-4888-9999-000000000000' }, false],
        ['a Web Chat visitor claiming the Teams tenant', teamsTicket, web('dl-conv-9', 'dl_attacker', FABRIKAM), false],
        ['the conversation that opened it', webTicket, web('dl-conv-1', 'dl_other'), true],
        ['the same Web Chat user in a new conversation', webTicket, web('dl-conv-2', 'dl_alex'), true],
        ['the same user id on another channel', webTicket, { channelId: 'webchat', conversationId: 'x', userId: 'dl_alex' }, false],
        ['another Web Chat visitor of the same organisation', webTicket, web('dl-conv-3', 'dl_pat'), false],
        ['someone the bot knows nothing about', webTicket, { channelId: 'directline', conversationId: 'dl-conv-4' }, false],
    ];
    for (const [who, row, asker, expected] of cases) it(`${expected ? 'lets' : 'refuses'} ${who}`, () => assert.equal(mayReadTicket(row, asker), expected));
});
