import type { TurnContext } from 'botbuilder';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { AzureLanguageService } from '../understanding/azureLanguage';
import type { NewTicket, Ticket, TicketRepository } from '../store/ticketRepository';
import { redactPii } from '../understanding/piiRedaction';
import { caseTitle, type CaseDraft, type ClassifiedCase } from './caseDraft';
import type { CustomerProfileState } from '../bot/botServices';

/**
 * A title from Azure AI Language's key phrases and a second, service-side PII pass over the
 * locally redacted text, when the service is configured; both run at once and are bounded
 * by its timeout, and either falls back to the local result.
 */
export async function enrichTicketText(draft: ClassifiedCase, service: AzureLanguageService | undefined): Promise<{ title?: string; descriptionRedacted: string }> {
    const local = redactPii(draft.description).text;
    if (!service) return { descriptionRedacted: local };
    const [phrases, remote] = await Promise.all([service.keyPhrases(local, draft.language), service.redactPii(local, draft.language)]);
    const title = phrases?.length ? phrases.slice(0, 4).join(', ').slice(0, 120) : undefined;
    return { title, descriptionRedacted: remote ?? local };
}

/**
 * The ticket row for a case. The contact for anything filed with Microsoft is the partner's
 * person (docs/PROGRAMME.md), kept apart from the customer's own contact details.
 */
export function ticketFromCase(
    context: TurnContext,
    draft: ClassifiedCase,
    partner: PartnerProfile,
    customer: CustomerProfileState,
    outcome: { status: 'new' } | { status: 'resolved'; articleId: string | null },
    text: { title?: string; descriptionRedacted?: string } = {},
): NewTicket {
    const contact = partner.microsoftContact;
    return {
        idempotencyKey: draft.intakeId,
        status: outcome.status,
        resolution: outcome.status === 'resolved' ? 'guidance' : null,
        conversationId: context.activity.conversation.id,
        channelId: context.activity.channelId,
        language: draft.language,
        title: text.title ?? caseTitle(draft),
        description: draft.description,
        descriptionRedacted: text.descriptionRedacted ?? redactPii(draft.description).text,
        category: draft.category,
        product: draft.product,
        kind: draft.kind,
        impact: draft.impact ?? null,
        severity: draft.severity ?? null,
        dueAt: draft.dueAt ?? null,
        dueBasis: draft.dueBasis ?? null,
        guidanceArticleId: outcome.status === 'resolved' ? outcome.articleId : null,
        customer: { name: customer.name ?? null, email: customer.email ?? null, organisation: customer.organisation ?? null, tenantId: draft.tenantId ?? null, userId: context.activity.from?.id ?? null },
        supportPlanId: draft.supportPlanId ?? null,
        partnerContact: { name: `${contact.firstName} ${contact.lastName}`, email: contact.email, phone: contact.phone ?? null },
        serviceHealthIssue: draft.serviceHealthIssue ?? null,
    };
}

/** Keeps each earlier statement the customer replaced as an event of the ticket (nothing they told is lost). */
export async function recordCaseHistory(tickets: Pick<TicketRepository, 'addEvent'>, ticket: Ticket, draft: Pick<CaseDraft, 'history' | 'description'>, now: Date): Promise<void> {
    for (const earlier of draft.history ?? []) await tickets.addEvent(ticket.id, 'case.restated', { earlier, settled: draft.description }, now);
}
