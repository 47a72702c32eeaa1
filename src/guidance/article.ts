import { z } from 'zod';
import { LANGUAGES, type Category, type Product } from '../policy/types';

/** Front matter of a guidance article file (content/guidance/<lang>/<id>.md). */
export const ArticleMetaSchema = z
    .object({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
        title: z.string().min(3).max(200),
        category: z.enum(['commercial', 'technical']),
        product: z.enum(['azure', 'microsoft365', 'dynamics365', 'ems', 'any']),
        kind: z.enum(['break-fix', 'advisory']).nullable(),
        tags: z.array(z.union([z.string().min(1).max(80), z.number().transform(String)])).min(1).max(20),
        summary: z.string().min(10).max(200),
    })
    .refine((m) => (m.category === 'commercial') === (m.kind === null), { message: 'kind is null exactly for commercial articles', path: ['kind'] });

export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export interface Article extends ArticleMeta {
    language: (typeof LANGUAGES)[number];
    body: string;
}

/** Whether an article fits a case's category and product ('any' fits every product). */
export function articleFits(article: Pick<Article, 'category' | 'product'>, category: Category, product: Product): boolean {
    return article.category === category && (article.product === 'any' || product === 'unknown' || article.product === product);
}
