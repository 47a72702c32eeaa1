import type { NewTicket } from '../../src/store/ticketRepository';

/** A complete ticket as the escalation dialog would store it; the description holds personal data on purpose. */
export function sampleTicket(key: string, overrides: Partial<NewTicket> = {}): NewTicket {
    return {
        idempotencyKey: key,
        status: 'new',
        resolution: null,
        conversationId: 'conv-1',
        channelId: 'webchat',
        language: 'en',
        title: 'Mail not arriving',
        description: 'Mail not arriving since 9am, call me on +34 600 123 456 or alex@fabrikam.example',
        descriptionRedacted: 'Mail not arriving since 9am, call me on [phone] or [email]',
        category: 'technical',
        product: 'microsoft365',
        kind: 'break-fix',
        impact: 'moderate',
        severity: 'B',
        dueAt: '2026-11-23T13:00:00.000Z',
        dueBasis: 'around-the-clock',
        guidanceArticleId: null,
        customer: { name: 'Alex Kim', email: 'alex@fabrikam.example', organisation: 'Fabrikam Ltd', tenantId: null },
        supportPlanId: null,
        partnerContact: { name: 'Dana Reyes', email: 'escalations@contoso-cloud.example', phone: null },
        ...overrides,
    };
}
