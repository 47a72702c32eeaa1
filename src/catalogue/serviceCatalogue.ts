import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import type { Category, Product } from '../policy/types';
import { CatalogueFileSchema, type CatalogueFile, type TopicFamily } from './catalogueSchema';
import { NameMatcher, type Mention } from './nameMatcher';

/** Where the catalogue lives, relative to the project root. */
export const CATALOGUE_PATH = path.join('content', 'catalogue', 'services.json');

/** One service, plan or brand name, with what its family says about it. */
export interface CatalogueService {
    id: string;
    /** Display name (the first of its names). */
    name: string;
    names: readonly string[];
    family: string;
    product: Product;
    /** Graph serviceHealth `service` names; empty when Microsoft 365 service health has none. */
    health: readonly string[];
    topic: TopicFamily;
    /** A suite, plan or programme name, which does not say what a problem is about. */
    umbrella: boolean;
    retired: boolean;
    renamedTo?: string;
}

/** Thrown when services.json is malformed; names the file and the field. */
export class CatalogueFormatError extends Error {
    constructor(file: string, reason: string) {
        super(`ServiceCatalogue.load(): ${file}: ${reason}`);
        this.name = 'CatalogueFormatError';
    }
}

/**
 * The Microsoft service catalogue: every service, plan and brand name the bot recognises,
 * with its product family, service-health names and Partner Center support topic family.
 * The one source for the classifier's catalogue features, service health and support topics.
 */
export class ServiceCatalogue {
    readonly services: readonly CatalogueService[];
    private readonly byId: Map<string, CatalogueService>;
    private readonly matcher: NameMatcher<CatalogueService>;

    constructor(private readonly file: CatalogueFile) {
        this.services = file.services.map((s) => {
            const family = file.families[s.family];
            if (!family) throw new Error(`ServiceCatalogue: unknown family ${s.family}`);
            return {
                id: s.id,
                name: s.names[0] as string,
                names: [...s.names, ...s.caseNames],
                family: s.family,
                product: family.product,
                health: s.health ?? family.health,
                topic: family.topic,
                umbrella: family.umbrella,
                retired: s.retired,
                ...(s.renamedTo ? { renamedTo: s.renamedTo } : {}),
            };
        });
        this.byId = new Map(this.services.map((s) => [s.id, s]));
        const pairs = (pick: (s: CatalogueFile['services'][number]) => string[]): Array<[string, CatalogueService]> =>
            file.services.flatMap((s) => pick(s).map((n): [string, CatalogueService] => [n, this.byId.get(s.id) as CatalogueService]));
        this.matcher = new NameMatcher(pairs((s) => s.names), pairs((s) => s.caseNames));
    }

    /** Reads and validates services.json (default: the project's catalogue). */
    static load(file: string = path.join(projectRoot(), CATALOGUE_PATH)): ServiceCatalogue {
        let raw: unknown;
        try {
            raw = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
            throw new CatalogueFormatError(file, (err as Error).message);
        }
        const parsed = CatalogueFileSchema.safeParse(raw);
        if (!parsed.success) throw new CatalogueFormatError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        try {
            return new ServiceCatalogue(parsed.data);
        } catch (err) {
            throw new CatalogueFormatError(file, (err as Error).message);
        }
    }

    service(id: string): CatalogueService | undefined {
        return this.byId.get(id);
    }

    /** The label of a family. */
    familyLabel(family: string): string | undefined {
        return this.file.families[family]?.label;
    }

    /** The services a text names, old brand names included, in the order found. */
    find(text: string): CatalogueService[] {
        return this.matcher.find(text);
    }

    /** Each time a text names a service, with the words of the text that name it. */
    mentions(text: string): Array<Mention<CatalogueService>> {
        return this.matcher.mentions(text);
    }

    /** The product a service name implies on its own ("Flow" → dynamics365), or undefined when the text names none. */
    productOf(name: string): Product | undefined {
        return this.find(name)[0]?.product;
    }

    /** The families of the specific services a text names (suites, plans and programmes left out). */
    specificFamilies(text: string): string[] {
        return [...new Set(this.find(text).filter((s) => !s.umbrella).map((s) => s.family))];
    }

    /**
     * Graph service names to check for a case: those of the services the text names, else
     * the product's broad ones; a Microsoft 365 case also checks the suite-wide entry.
     * `alsoNamed`: ids of services the caller knows the text names in other words.
     */
    healthServicesFor(product: Product, text: string, alsoNamed: readonly string[] = []): string[] {
        const extra = alsoNamed.flatMap((id) => this.byId.get(id) ?? []);
        const named = [...this.find(text), ...extra].flatMap((s) => s.health);
        const services = named.length > 0 ? named : this.file.products[product]?.health ?? [];
        const suite = product === 'microsoft365' ? (this.file.products.microsoft365?.health ?? []) : [];
        return [...new Set([...services, ...suite])];
    }

    /**
     * The support topic family for a case: billing for commercial cases; otherwise the family
     * of the first specific service named that fits the product, else the product's default.
     */
    topicFamilyFor(category: Category, product: Product, text = ''): TopicFamily {
        if (category === 'commercial') return 'billing';
        const named = this.find(text).find((s) => !s.umbrella && (product === 'unknown' || s.product === product));
        return named?.topic ?? this.file.products[product]?.topic ?? 'billing';
    }

    /** Words that identify a topic family in Partner Center's topic names. */
    topicWords(topic: TopicFamily): readonly string[] {
        return this.file.topics[topic]?.words ?? [];
    }
}

let shared: ServiceCatalogue | undefined;

/** The project's catalogue, loaded once. */
export function serviceCatalogue(): ServiceCatalogue {
    shared ??= ServiceCatalogue.load();
    return shared;
}
