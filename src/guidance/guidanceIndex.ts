import MiniSearch from 'minisearch';
import { serviceCatalogue, type CatalogueService, type ServiceCatalogue } from '../catalogue';
import type { Category, Kind, Language, Product } from '../policy/types';
import { normalizeText } from '../understanding/normalize';
import { articleFits, type Article } from './article';
import { DEFAULT_OFFER_FLOOR, offerable, type Candidate, type OfferFloor, type RankedArticle } from './offerDecision';
import { STOP_WORDS, stem } from './stopWords';

export type { Candidate, RankedArticle } from './offerDecision';

export interface RankQuery {
    text: string;
    category: Category;
    product: Product;
    kind: Kind | null;
}

/** Licence plan names shared by many articles: "Microsoft 365 Business Premium", "E3", "Office 365 E5". */
const PLAN_NAMES = /\b(?:(?:microsoft|office|dynamics)\s*365|m365|o365|business\s+(?:basic|standard|premium)|apps\s+for\s+business|[efg][1-5])\b/giu;

/** Splits text into search terms: accents stripped, lower-cased, stop words dropped, stemmed. */
function termsFor(language: Language): (text: string) => string[] {
    const stopWords = STOP_WORDS[language];
    return (text) =>
        normalizeText(text)
            .split(/[\s.'@-]+/)
            .filter((t) => t.length > 1 && !stopWords.has(t))
            .map(stem);
}

/**
 * Ranks guidance articles for a customer's text with BM25+ (MiniSearch). Only articles
 * that fit the case's category and product are returned; a matching product and kind
 * raise the score; an article is offered only when it clears the relevance floor
 * (see offerDecision.ts). Content lives in the articles; this only ranks.
 */
export class GuidanceIndex {
    private readonly search: MiniSearch<Article>;
    private readonly byId: Map<string, Article>;
    private readonly terms: (text: string) => string[];
    /** Inverse document frequency of every term of the articles. */
    private readonly idf = new Map<string, number>();
    private readonly unknownIdf: number;
    /** The catalogue services each article is about (from its title, tags and summary). */
    private readonly about = new Map<string, ArticleServices>();

    constructor(
        articles: Article[],
        language: Language = 'en',
        private readonly floor: OfferFloor = DEFAULT_OFFER_FLOOR,
        private readonly catalogue: ServiceCatalogue = serviceCatalogue(),
    ) {
        this.byId = new Map(articles.map((a) => [a.id, a]));
        this.terms = termsFor(language);
        this.search = new MiniSearch<Article>({
            fields: ['title', 'tagText', 'summary', 'body'],
            storeFields: [],
            extractField: (doc, field) => (field === 'tagText' ? doc.tags.join(' ') : String((doc as unknown as Record<string, unknown>)[field] ?? '')),
            tokenize: this.terms,
            processTerm: (t) => t,
            searchOptions: { boost: { title: 3, tagText: 3, summary: 2, body: 0.5 }, prefix: (t) => t.length > 4, fuzzy: (t) => (t.length > 6 ? 0.15 : false) },
        });
        this.search.addAll(articles);
        const df = new Map<string, number>();
        for (const a of articles) {
            for (const t of new Set(this.terms(`${a.title} ${a.tags.join(' ')} ${a.summary} ${a.body}`))) df.set(t, (df.get(t) ?? 0) + 1);
            this.about.set(a.id, servicesOf(catalogue.find(`${a.title} ${a.tags.join(' ')} ${a.summary}`), catalogue.find(a.title)));
        }
        const n = Math.max(1, articles.length);
        for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
        this.unknownIdf = Math.log(1 + n);
    }

    get size(): number {
        return this.byId.size;
    }

    /** Every article id, sorted. */
    ids(): string[] {
        return [...this.byId.keys()].sort();
    }

    get(id: string): Article | undefined {
        return this.byId.get(id);
    }

    /** The articles worth offering for a query, best first, at most `limit`. */
    rank(query: RankQuery, limit = 2): RankedArticle[] {
        return offerable(this.candidates(query), this.floor)
            .slice(0, limit)
            .map(({ article, score }) => ({ article, score }));
    }

    /** Every article that fits the case's category and product and shares a term with the query, best first, with what the floor looks at. */
    candidates(query: RankQuery): Candidate[] {
        const raw = query.text.slice(0, 2000);
        // Plan names (the case's product already filters and boosts) would outweigh the words that say what is wrong.
        const text = raw.replace(PLAN_NAMES, ' ');
        const queryTerms = [...new Set(this.terms(text))];
        // A number no article mentions (a card, an order, a phone) says nothing about the problem; an unknown word does.
        const weight = (t: string): number => this.idf.get(t) ?? (/\d/.test(t) ? 0 : this.unknownIdf);
        const total = queryTerms.reduce((sum, t) => sum + weight(t), 0) || 1;
        const mentions = this.catalogue.mentions(raw);
        const named = [...new Set(mentions.map((m) => m.value))].filter((s) => !s.umbrella);
        // What the question asks is what it says beyond the services it names: an article matching only "Teams" or "Intune" does not answer it.
        const serviceTerms = new Set(mentions.flatMap((m) => this.terms(m.words.join(' '))));
        const askTerms = queryTerms.filter((t) => !serviceTerms.has(t));
        const askTotal = askTerms.reduce((sum, t) => sum + weight(t), 0);
        return this.search
            .search(text)
            .map((hit) => ({ article: this.byId.get(String(hit.id)) as Article, score: hit.score, strong: new Set(strongTerms(hit.queryTerms, hit.terms, hit.match)) }))
            .map((r) => ({ ...r, serviceFit: r.article.product === 'any' ? 'neutral' : serviceFit(named, this.about.get(r.article.id)) }))
            // The catalogue can vouch for an article the classifier's product would leave out ("security defaults" read as ems).
            .filter((r) => articleFits(r.article, query.category, query.product) || (r.serviceFit === 'match' && r.article.category === query.category))
            .map((r) => ({
                article: r.article,
                score: r.score * (r.article.product === query.product ? 1.5 : 1) * (query.kind && r.article.kind === query.kind ? 1.2 : 1),
                coverage: queryTerms.reduce((sum, t) => sum + (r.strong.has(t) ? weight(t) : 0), 0) / total,
                askCoverage: askTotal === 0 ? 0 : askTerms.reduce((sum, t) => sum + (r.strong.has(t) ? weight(t) : 0), 0) / askTotal,
                serviceFit: r.serviceFit,
            }))
            .sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    }
}

interface ArticleServices {
    /** The specific services named in the title, tags or summary. */
    services: ReadonlySet<string>;
    /** Their families. */
    families: ReadonlySet<string>;
    /** Families of the specific services the title names: the article is about that service, not its siblings ("Teams Rooms", not Teams meetings). */
    titleFamilies: ReadonlySet<string>;
    /** Products whose suite the title names ("Users can't open Dynamics 365"): the article speaks for all of the product's services. */
    suites: ReadonlySet<string>;
}

function servicesOf(found: readonly CatalogueService[], inTitle: readonly CatalogueService[]): ArticleServices {
    const specific = found.filter((s) => !s.umbrella);
    return {
        services: new Set(specific.map((s) => s.id)),
        families: new Set(specific.map((s) => s.family)),
        titleFamilies: new Set(inTitle.filter((s) => !s.umbrella).map((s) => s.family)),
        suites: new Set(inTitle.filter((s) => s.umbrella).map((s) => s.product)),
    };
}

/**
 * match: the article is about a service the question names, or about its family;
 * mismatch: it is about other services only, and not about their whole product, or its title
 * names another service of the same family (an article on Teams Rooms for a question about
 * Teams meetings, on Microsoft 365 Copilot for one about Copilot Pro).
 */
function serviceFit(named: readonly CatalogueService[], about: ArticleServices | undefined): Candidate['serviceFit'] {
    if (named.length === 0 || !about || (about.families.size === 0 && about.suites.size === 0)) return 'neutral';
    if (named.some((s) => about.services.has(s.id))) return 'match';
    if (named.some((s) => about.titleFamilies.has(s.family))) return 'mismatch';
    if (named.some((s) => about.families.has(s.family))) return 'match';
    return named.some((s) => about.suites.has(s.product)) ? 'neutral' : 'mismatch';
}

/** Query terms matched (exactly, by prefix or fuzzily) by a document term that occurs in the title, tags or summary. */
function strongTerms(queryTerms: readonly string[], docTerms: readonly string[], match: Readonly<Record<string, readonly string[]>>): string[] {
    const strong = new Set<string>();
    for (const d of docTerms) {
        if (!(match[d] ?? []).some((field) => field !== 'body')) continue;
        for (const q of queryTerms) if (d.startsWith(q) || q.startsWith(d) || fuzzyEnough(q, d)) strong.add(q);
    }
    return [...strong];
}

/** MiniSearch's fuzzy matches (edit distance ≤ 15% of long terms) that share a prefix of four letters. */
function fuzzyEnough(q: string, d: string): boolean {
    return q.length > 6 && d.slice(0, 4) === q.slice(0, 4);
}
