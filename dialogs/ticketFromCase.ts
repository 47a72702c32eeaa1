import type { TurnContext } from 'botbuilder';
import type { PartnerProfile } from '../src/partner/partnerProfile';
import type { NewTicket } from '../src/store/ticketRepository';
import { redactPii } from '../src/understanding/piiRedaction';
import { titleOf, type ClassifiedCase } from './caseDraft';
import type { CustomerProfileState } from './dialogServices';

/**
 * The ticket row for a case. The contact for anything filed with Microsoft is the partner's
 * person (DOMAIN.md), kept apart from the customer's own contact details.
 */
export function ticketFromCase(
    context: TurnContext,
    draft: ClassifiedCase,
    partner: PartnerProfile,
    customer: CustomerProfileState,
    outcome: { status: 'open' } | { status: 'resolved'; articleId: string | null },
): NewTicket {
    const contact = partner.microsoftContact;
    return {
        idempotencyKey: draft.intakeId,
        status: outcome.status,
        resolution: outcome.status === 'resolved' ? 'guidance' : null,
        conversationId: context.activity.conversation.id,
        channelId: context.activity.channelId,
        language: draft.language,
        title: titleOf(draft.description),
        description: draft.description,
        descriptionRedacted: redactPii(draft.description).text,
        category: draft.category,
        product: draft.product,
        kind: draft.kind,
        impact: draft.impact ?? null,
        severity: draft.severity ?? null,
        dueAt: draft.dueAt ?? null,
        dueBasis: draft.dueBasis ?? null,
        guidanceArticleId: outcome.status === 'resolved' ? outcome.articleId : null,
        customer: { name: customer.name ?? null, email: customer.email ?? null, organisation: customer.organisation ?? null, tenantId: draft.tenantId ?? null },
        supportPlanId: draft.supportPlanId ?? null,
        partnerContact: { name: `${contact.firstName} ${contact.lastName}`, email: contact.email, phone: contact.phone ?? null },
    };
}
