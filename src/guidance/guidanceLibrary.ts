import path from 'node:path';
import { LANGUAGES, type Language } from '../policy/types';
import type { Article } from './article';
import { loadArticles } from './articleLoader';
import { GuidanceIndex, type RankedArticle, type RankQuery } from './guidanceIndex';

/** The guidance articles in every language, each language with its own ranking index. */
export class GuidanceLibrary {
    private readonly indexes: Map<Language, GuidanceIndex>;

    constructor(articlesByLanguage: Partial<Record<Language, Article[]>>) {
        this.indexes = new Map(
            Object.entries(articlesByLanguage).map(([language, articles]) => [language as Language, new GuidanceIndex(articles ?? [], language as Language)]),
        );
        if (!this.indexes.has('en')) throw new Error('GuidanceLibrary: English articles are required');
    }

    /** Loads content/guidance/<lang>/*.md for every language that has a folder. */
    static fromDirectory(dir: string): GuidanceLibrary {
        return new GuidanceLibrary(Object.fromEntries(LANGUAGES.map((language) => [language, loadArticles(path.join(dir), language)])));
    }

    index(language: Language): GuidanceIndex {
        return this.indexes.get(language) ?? (this.indexes.get('en') as GuidanceIndex);
    }

    /** Ranks the articles written in the customer's language. */
    rank(language: Language, query: RankQuery, limit?: number): RankedArticle[] {
        return this.index(language).rank(query, limit);
    }

    /** One article in the customer's language (English when it has no translation). */
    article(language: Language, id: string): Article | undefined {
        return this.index(language).get(id) ?? this.index('en').get(id);
    }
}
