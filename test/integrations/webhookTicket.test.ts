import assert from 'node:assert/strict';
import { webhookTicket } from '../../src/integrations/webhooks';
import type { Ticket } from '../../src/store/ticketRepository';

const base = { customerTenantId: null, customerOrganisation: 'Fabrikam Ltd' } as const;

function row(fields: Partial<Ticket>): Ticket {
    return { id: 1, number: 'SR-2026-000001', status: 'new', descriptionRedacted: 'Mail is down.', createdAt: '', updatedAt: '', ...base, ...fields } as Ticket;
}

describe('the ticket a webhook receiver gets', () => {
    it('says whether the tenant (and so the organisation) was vouched for by Teams', () => {
        assert.deepEqual(webhookTicket(row({})).customer, { organisation: 'Fabrikam Ltd', tenant_id: null, tenant_verified: false });
        const teams = webhookTicket(row({ customerTenantId: '11111111-2222-4333-8444-555555555555' }));
        assert.equal(teams.customer.tenant_verified, true);
    });

    it('masks personal data typed into the organisation (rows stored before the dialog refused it)', () => {
        const { organisation } = webhookTicket(row({ customerOrganisation: 'alex.kim@fabrikam.example +34 612 345 678' })).customer;
        assert.doesNotMatch(organisation ?? '', /alex\.kim|612 345/);
    });
});
