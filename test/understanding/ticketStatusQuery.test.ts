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
    const ticket = { customer_tenant_id: '11111111-2222-4333-8444-555555555555', customer_organisation: 'Fabrikam Ltd' };
    const webTicket = { customer_tenant_id: null, customer_organisation: 'Fabrikam Ltd' };
    const cases: Array<[string, typeof ticket | typeof webTicket, Parameters<typeof mayReadTicket>[1], boolean]> = [
        ['the same tenant', ticket, { tenantId: '11111111-2222-4333-8444-555555555555'.toUpperCase() }, true],
        ['another tenant, even naming the organisation', ticket, { tenantId: '66666666-7777-4888-9999-000000000000', organisation: 'Fabrikam Ltd' }, false],
        ['the same organisation on Web Chat', webTicket, { organisation: ' fabrikam  ltd ' }, true],
        ['another organisation', webTicket, { organisation: 'Northwind Traders' }, false],
        ['someone the bot knows nothing about', webTicket, {}, false],
    ];
    for (const [who, row, asker, expected] of cases) it(`${expected ? 'lets' : 'refuses'} ${who}`, () => assert.equal(mayReadTicket(row, asker), expected));
});
