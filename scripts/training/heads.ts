import { CATEGORIES, KINDS, LANGUAGES, PRODUCTS, SEVERITIES } from '../../src/policy/types';
import type { HeadName } from '../../src/understanding/model/linearModel';
import type { CorpusRow } from './split';

/** Classes of each head; severity's 'none' stands for null. */
export const HEAD_CLASSES: Record<HeadName, readonly string[]> = {
    lang: LANGUAGES,
    category: CATEGORIES,
    product: PRODUCTS,
    kind: KINDS,
    severity: [...SEVERITIES, 'none'],
};

/** Training label of a row for a head, or null when the row does not train that head. */
export function headLabel(row: CorpusRow, head: HeadName): string | null {
    switch (head) {
        case 'lang':
            return row.lang;
        case 'category':
            return row.category;
        case 'product':
            return row.product;
        case 'kind':
            return row.category === 'technical' ? row.kind : null;
        case 'severity':
            return row.category === 'technical' && row.kind === 'break-fix' ? (row.severity ?? 'none') : null;
    }
}
