import MiniSearch from 'minisearch';
import type { Category, Kind, Language, Product } from '../policy/types';
import { normalizeText } from '../understanding/normalize';
import { articleFits, type Article } from './article';
import { STOP_WORDS, stem } from './stopWords';

/** A ranked article and its relevance score (BM25+, with category/product fit applied). */
export interface RankedArticle {
    article: Article;
    score: number;
}

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
 * raise the score. Content lives in the articles; this only ranks.
 */
export class GuidanceIndex {
    private readonly search: MiniSearch<Article>;
    private readonly byId: Map<string, Article>;

    constructor(
        articles: Article[],
        language: Language = 'en',
        private readonly minScore = 4,
    ) {
        this.byId = new Map(articles.map((a) => [a.id, a]));
        this.search = new MiniSearch<Article>({
            fields: ['title', 'tagText', 'summary', 'body'],
            storeFields: [],
            extractField: (doc, field) => (field === 'tagText' ? doc.tags.join(' ') : String((doc as unknown as Record<string, unknown>)[field] ?? '')),
            tokenize: termsFor(language),
            processTerm: (t) => t,
            searchOptions: { boost: { title: 3, tagText: 3, summary: 2, body: 0.5 }, prefix: (t) => t.length > 4, fuzzy: (t) => (t.length > 6 ? 0.15 : false) },
        });
        this.search.addAll(articles);
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

    /** The best articles for a query, best first, at most `limit`, above the minimum score. */
    rank(query: RankQuery, limit = 2): RankedArticle[] {
        // Plan names (the case's product already filters and boosts) would outweigh the words that say what is wrong.
        const text = query.text.slice(0, 2000).replace(PLAN_NAMES, ' ');
        return this.search
            .search(text)
            .map((hit) => ({ article: this.byId.get(String(hit.id)) as Article, score: hit.score }))
            .filter((r) => articleFits(r.article, query.category, query.product))
            .map((r) => ({
                article: r.article,
                score: r.score * (r.article.product === query.product ? 1.5 : 1) * (query.kind && r.article.kind === query.kind ? 1.2 : 1),
            }))
            .filter((r) => r.score >= this.minScore)
            .sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id))
            .slice(0, limit);
    }
}
