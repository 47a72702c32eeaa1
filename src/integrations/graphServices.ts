import type { Product } from '../policy/types';
import { mentionsMail } from '../understanding/serviceNames';

/**
 * Which Microsoft 365 service health entries (Graph `service` names, as in
 * /admin/serviceAnnouncement/healthOverviews) can explain a customer's problem.
 *
 * Workload words in the description (product names, and "mail" in the bot's four languages)
 * pick the services; without one, the product's broad services are used. Azure has no
 * entry in Microsoft 365 service health (its incidents are in Azure Resource Health), so an
 * Azure case is only checked when it names a shared service such as Entra sign-in.
 */
const WORKLOADS: Array<{ pattern: RegExp | ((text: string) => boolean); services: string[] }> = [
    { pattern: mentionsMail, services: ['Exchange Online'] },
    { pattern: /\b(microsoft )?teams\b/iu, services: ['Microsoft Teams'] },
    { pattern: /sharepoint/iu, services: ['SharePoint Online'] },
    { pattern: /onedrive/iu, services: ['OneDrive for Business'] },
    { pattern: /\b(excel|powerpoint|office apps?|microsoft 365 apps)\b/iu, services: ['Microsoft 365 Apps', 'Office for the web'] },
    { pattern: /\bplanner\b/iu, services: ['Planner'] },
    { pattern: /power ?bi/iu, services: ['Power BI'] },
    { pattern: /intune|enrol|\bmdm\b/iu, services: ['Microsoft Intune'] },
    { pattern: /entra|azure ad\b|\baad\b|\bmfa\b|multi-?factor|conditional access/iu, services: ['Microsoft Entra', 'Identity Service'] },
    { pattern: /information protection|\baip\b|sensitivity label/iu, services: ['Azure Information Protection'] },
    { pattern: /dynamics|\bcrm\b/iu, services: ['Dynamics 365 Apps'] },
];

const PRODUCT_SERVICES: Record<Product, string[]> = {
    microsoft365: ['Microsoft 365 suite'],
    dynamics365: ['Dynamics 365 Apps'],
    ems: ['Microsoft Intune', 'Microsoft Entra', 'Identity Service', 'Azure Information Protection'],
    azure: [],
    unknown: [],
};

/** Graph service names to check for a case (empty: nothing to check). */
export function graphServicesFor(product: Product, description: string): string[] {
    const named = WORKLOADS.filter((w) => (typeof w.pattern === 'function' ? w.pattern(description) : w.pattern.test(description))).flatMap((w) => w.services);
    const services = named.length > 0 ? named : PRODUCT_SERVICES[product];
    // A suite-wide incident affects every Microsoft 365 workload.
    const suite = product === 'microsoft365' ? ['Microsoft 365 suite'] : [];
    return [...new Set([...services, ...suite])];
}
