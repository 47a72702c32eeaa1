import { serviceCatalogue, type ServiceCatalogue } from '../catalogue';
import type { Product } from '../policy/types';
import { mentionsMail } from '../understanding/serviceNames';

/**
 * Which Microsoft 365 service health entries (Graph `service` names, as in
 * /admin/serviceAnnouncement/healthOverviews) can explain a customer's problem.
 *
 * The service catalogue (content/catalogue/services.json) says which entries each service,
 * plan and brand name maps to; the word "mail" in the bot's four languages counts as naming
 * Exchange Online. Without a named service, the product's broad entries are used. Azure has
 * no entry in Microsoft 365 service health (its incidents are in Azure Resource Health), so
 * an Azure case is only checked when it names a shared service such as Entra sign-in.
 */
export function graphServicesFor(product: Product, description: string, catalogue: ServiceCatalogue = serviceCatalogue()): string[] {
    return catalogue.healthServicesFor(product, description, mentionsMail(description) ? ['exchange-online'] : []);
}
