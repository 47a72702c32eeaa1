import type { Language } from '../policy/types';

/** Frequent words that carry no meaning for ranking, per language (accents already stripped). */
export const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
    en: new Set('a an and are as at be but by can could do does for from has have hi hello how i im in is it its me my no not of on or our please so that the their them there this to us was we were what when which why will with you your'.split(' ')),
    es: new Set('a al como con de del el ella en es esta estan este hola la las le les lo los me mi mis muy no nos nuestra nuestro para pero por que se si sin su sus te tengo tenemos un una uno y ya'.split(' ')),
    pt: new Set('a ao as com como da das de do dos e ela em esta estao eu isso na nas no nos nossa nosso o oi ola os para pela pelo por que se sem seu sua um uma voce voces vc ja nao'.split(' ')),
    ru: new Set('а в во вы да для до же за и из или их к как ли мы на не нет но о об от по при с со так то у уже что это я'.split(' ')),
};

/** Crude stemming by truncation: enough for BM25 to match word forms in all four languages. */
export function stem(term: string): string {
    return term.length > 6 ? term.slice(0, 6) : term;
}
