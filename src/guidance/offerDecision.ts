import type { Article } from './article';

/** A ranked article and its relevance score (BM25+, with category/product fit applied). */
export interface RankedArticle {
    article: Article;
    score: number;
}

/** A ranked article with what the offer decision looks at. */
export interface Candidate extends RankedArticle {
    /**
     * Share of the query's meaning the article's title, tags or summary match: query terms
     * weighted by their rarity among the articles (a word no article uses weighs most).
     */
    coverage: number;
    /** The same share of what the query asks: its terms other than the words that name catalogue services. */
    askCoverage: number;
    /**
     * 'match': the article is about a service the query names; 'mismatch': the query names only
     * services the article is not about (other families, or siblings of the service its title names).
     */
    serviceFit: 'match' | 'neutral' | 'mismatch';
}

/** What an article must clear to be offered. */
export interface OfferFloor {
    /** BM25+ score (with product and kind boosts) below which an article is never offered. */
    minScore: number;
    /** Share of the question's weighted terms the article's title, tags or summary must match. */
    minCoverage: number;
    /** The best article must score this many times the next related one... */
    minMargin: number;
    /** ...unless one of the offered articles matches at least this share of what the question asks (askCoverage). */
    sureCoverage: number;
}

/**
 * Tuned on the tuning set corpus/guidance-eval/<lang>.jsonl only (npm run eval:guidance; the
 * held-out set under heldout/ is never tuned on): offered only when an article says what the
 * question asks, not merely names the same product.
 */
export const DEFAULT_OFFER_FLOOR: OfferFloor = { minScore: 4, minCoverage: 0.13, minMargin: 1.1, sureCoverage: 0.25 };

/**
 * The candidates worth offering, best first; empty when none fits, so the bot says it has
 * no article instead of offering one that merely shares words. An article about other
 * services than those the question names is never offered; among the rest, each must
 * cover enough of the question, and the best must stand out from the next related article
 * or one of them cover well what the question asks beyond the services it names (two
 * near-equal half matches mean neither answers it; "Teams" and "meetings" alone do not make
 * the call-quality article an answer about breakout rooms).
 */
export function offerable(candidates: readonly Candidate[], floor: OfferFloor): Candidate[] {
    const related = candidates.filter((c) => c.serviceFit !== 'mismatch');
    const passing = related.filter((c) => c.score >= floor.minScore && c.coverage >= floor.minCoverage);
    const best = passing[0];
    if (!best) return [];
    const rival = related.find((c) => c !== best);
    if (rival && best.score < floor.minMargin * rival.score && !passing.some((c) => c.askCoverage >= floor.sureCoverage)) return [];
    return passing;
}
