/**
 * What the bot files with Microsoft for a ticket: plain decisions, no I/O.
 * docs/PROGRAMME.md: the primary contact is the partner's person, never the customer's; a request for
 * the partner's own tenant needs (and carries) a support plan of its own.
 */
import { serviceCatalogue, type ServiceCatalogue, type TopicFamily } from '../catalogue';
import type { SupportTopicOverrides } from '../config';
import { translator } from '../i18n/i18n';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { Category, Product, Severity } from '../policy/types';
import type { Ticket } from '../store/ticketRepository';
import { redactPii } from '../understanding/piiRedaction';
import type { NewServiceRequest, ServiceRequestSeverity, SupportTopic } from '../integrations/partnerCenterClient';

/** A ticket that cannot be filed as it is (no topic fits, own tenant without a plan). */
export class ServiceRequestInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ServiceRequestInputError';
    }
}

const SEVERITY: Record<Severity, ServiceRequestSeverity> = { A: 'critical', B: 'moderate', C: 'minimal' };

/** A → critical, B → moderate, C → minimal; no severity (commercial, advisory) → minimal. */
export function serviceRequestSeverity(severity: string | null): ServiceRequestSeverity {
    return severity === 'A' || severity === 'B' || severity === 'C' ? SEVERITY[severity] : 'minimal';
}

const TECHNICAL_WORDS = /technical|not working|outage|error|break/i;

/** Facts of a case that choose its support topic. */
export interface TopicFacts {
    category: string;
    product: string;
    /** The case's description: a service it names picks the topic family (Intune → EMS). */
    description?: string;
}

/** A whole-word-at-start pattern over the catalogue's words for a topic family ("Licence" also matches "Licences"). */
function topicPattern(catalogue: ServiceCatalogue, topic: TopicFamily): RegExp {
    const words = catalogue.topicWords(topic).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    return new RegExp(`\\b(?:${words.join('|')})`, 'i');
}

/**
 * The support topic for a case: the override for `<category>.<product>`, else for
 * `<category>`, else the listed topic whose name (weighted) and description best fit the
 * catalogue's topic family for the case (billing for commercial cases; the family of the
 * service named, else of the product, for technical ones). Undefined when nothing fits.
 */
export function chooseSupportTopic(topics: SupportTopic[], facts: TopicFacts, overrides: SupportTopicOverrides = {}, catalogue: ServiceCatalogue = serviceCatalogue()): SupportTopic | undefined {
    const overridden = overrides[`${facts.category}.${facts.product}`] ?? overrides[facts.category];
    if (overridden !== undefined) {
        const topic = topics.find((t) => t.id === overridden);
        if (!topic) throw new ServiceRequestInputError(`SUPPORT_TOPIC_OVERRIDES names topic ${overridden}, which Partner Center does not list`);
        return topic;
    }
    const category = facts.category as Category;
    const product = facts.product as Product;
    const scorer = topicScorer(catalogue, category, product, facts.description ?? '');
    const scored = topics.map((topic) => ({ topic, score: scorer(topic) }));
    const best = scored.reduce<(typeof scored)[number] | undefined>((top, s) => (s.score > 0 && (!top || s.score > top.score) ? s : top), undefined);
    return best?.topic;
}

function topicScorer(catalogue: ServiceCatalogue, category: Category, product: Product, description: string): (topic: SupportTopic) => number {
    const billing = topicPattern(catalogue, 'billing');
    const productTopic = catalogue.topicFamilyFor('technical', product);
    const productWords = product === 'unknown' ? undefined : topicPattern(catalogue, productTopic);
    const hits = (re: RegExp | undefined, topic: SupportTopic): number => (re ? (re.test(topic.name) ? 3 : 0) + (re.test(topic.description) ? 1 : 0) : 0);
    if (category === 'commercial') {
        return (topic) => {
            const commercial = hits(billing, topic);
            return commercial > 0 ? commercial + Math.min(1, hits(productWords, topic)) : 0;
        };
    }
    const named = catalogue.topicFamilyFor(category, product, description);
    const namedWords = named === 'billing' ? undefined : topicPattern(catalogue, named);
    return (topic) => {
        const fit = Math.max(hits(namedWords, topic), hits(productWords, topic));
        if (fit === 0) return 0;
        return fit + (TECHNICAL_WORDS.test(`${topic.name} ${topic.description}`) ? 1 : 0) - (billing.test(topic.name) ? 2 : 0);
    };
}

export interface DraftContext {
    partner: PartnerProfile;
    topic: SupportTopic;
}

const MAX_TITLE = 255;
const MAX_DESCRIPTION = 10_000;

/** The ServiceRequest body for a ticket. Throws ServiceRequestInputError when it cannot be filed. */
export function buildServiceRequest(ticket: Ticket, { partner, topic }: DraftContext): NewServiceRequest {
    const contact = partner.microsoftContact;
    return {
        Title: clip(`${ticket.number ?? `#${ticket.id}`} ${redactPii(ticket.title).text}`, MAX_TITLE),
        Description: clip(descriptionOf(ticket, partner), MAX_DESCRIPTION),
        Severity: serviceRequestSeverity(ticket.severity),
        SupportTopicId: topic.id,
        SupportTopicName: topic.name,
        PrimaryContact: { FirstName: contact.firstName, LastName: contact.lastName, Email: contact.email, ...(contact.phone ? { PhoneNumber: contact.phone } : {}) },
        Attributes: { ObjectType: 'ServiceRequest' },
    };
}

/** True when the ticket comes from the partner's own tenant (not covered by the CSP benefit). */
export function isOwnTenant(ticket: Pick<Ticket, 'customerTenantId'>, partner: Pick<PartnerProfile, 'tenantId'>): boolean {
    return !!ticket.customerTenantId && !!partner.tenantId && ticket.customerTenantId.toLowerCase() === partner.tenantId.toLowerCase();
}

/** Facts for Microsoft's engineer, in English, and the summary with personal data removed. */
function descriptionOf(ticket: Ticket, partner: PartnerProfile): string {
    const en = translator('en');
    const ownTenant = isOwnTenant(ticket, partner);
    if (ownTenant && !ticket.supportPlanId) throw new ServiceRequestInputError(`ticket ${ticket.id} is for the partner's own tenant and has no support plan id`);
    const lines = [
        ownTenant ? `Filed by ${partner.name} for its own tenant.` : `Filed by ${partner.name} (CSP partner) on behalf of its customer.`,
        `Partner ticket: ${ticket.number ?? ticket.id}`,
        ...(ownTenant ? [`Support plan: ${ticket.supportPlanId}`] : []),
        ...(ticket.customerTenantId ? [`Customer tenant: ${ticket.customerTenantId}`] : []),
        ...(ticket.customerOrganisation && !ownTenant ? [`Customer organisation: ${redactPii(ticket.customerOrganisation).text}`] : []),
        `Product: ${en(`label.product.${ticket.product}`)}; ${ticket.category}${ticket.kind ? `, ${ticket.kind}` : ''}`,
        ...(ticket.impact ? [`Business impact: ${ticket.impact}. ${en(`impact.${ticket.impact}`)}`] : []),
        ...(ticket.severity ? [`Severity: ${ticket.severity}`] : []),
        ...(ticket.serviceHealthIssueId ? [`Open service health issue shown to the customer: ${ticket.serviceHealthIssueId} ${ticket.serviceHealthIssueTitle ?? ''}`.trim()] : []),
        '',
        'Summary (personal data removed):',
        ticket.descriptionRedacted ?? redactPii(ticket.description).text,
    ];
    return lines.join('\n');
}

function clip(text: string, max: number): string {
    if (text.length <= max) return text;
    const cut = text.slice(0, max - 1);
    return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
