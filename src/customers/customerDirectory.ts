import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../paths';

const CustomerSchema = z.object({
    tenantId: z.uuid(),
    organisation: z.string().min(1).max(200),
});
const CustomersFileSchema = z.object({ customers: z.array(CustomerSchema).max(100_000) });

export type Customer = z.infer<typeof CustomerSchema>;

/** Maps a Microsoft Entra tenant id (Teams `channelData.tenant.id`) to the customer it belongs to. */
export class CustomerDirectory {
    private readonly byTenant: Map<string, Customer>;

    constructor(customers: Customer[]) {
        this.byTenant = new Map(customers.map((c) => [c.tenantId.toLowerCase(), c]));
    }

    /** Reads a JSON file `{ "customers": [{ "tenantId", "organisation" }] }`; throws naming the bad entry. */
    static fromFile(file: string): CustomerDirectory {
        const raw: unknown = JSON.parse(readFileSync(fromRoot(file), 'utf8'));
        const parsed = CustomersFileSchema.safeParse(raw);
        if (!parsed.success) {
            throw new Error(`CustomerDirectory.fromFile(): ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        }
        return new CustomerDirectory(parsed.data.customers);
    }

    findByTenant(tenantId: string | undefined): Customer | undefined {
        return tenantId ? this.byTenant.get(tenantId.toLowerCase()) : undefined;
    }
}
