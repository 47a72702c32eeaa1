import type { Language } from '../../src/policy/types';

/** What the bot did with one labelled question. */
export interface GuidanceOutcomeRow {
    lang: Language;
    text: string;
    /** The article that answers it, or null when none does. */
    gold: string | null;
    /** Article ids offered, best first (at most three). */
    offered: string[];
}

/** Figures over a set of outcomes. */
export interface GuidanceFigures {
    n: number;
    answerable: number;
    top1: number;
    top3: number;
    /** Of the questions where nothing was offered, the share no article answers. */
    silentPrecision: number;
    /** Of the questions no article answers, the share that got an article anyway. */
    unanswerableOffered: number;
    /** Of the answerable questions, the share that got nothing. */
    answerableSilent: number;
    silent: number;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** top1/top3 over answerable questions; silent precision over the questions left without an article. */
export function guidanceFigures(rows: readonly GuidanceOutcomeRow[]): GuidanceFigures {
    const answerable = rows.filter((r) => r.gold !== null);
    const unanswerable = rows.filter((r) => r.gold === null);
    const silent = rows.filter((r) => r.offered.length === 0);
    return {
        n: rows.length,
        answerable: answerable.length,
        top1: share(answerable.filter((r) => r.offered[0] === r.gold).length, answerable.length),
        top3: share(answerable.filter((r) => r.gold !== null && r.offered.slice(0, 3).includes(r.gold)).length, answerable.length),
        silentPrecision: share(silent.filter((r) => r.gold === null).length, silent.length),
        unanswerableOffered: share(unanswerable.filter((r) => r.offered.length > 0).length, unanswerable.length),
        answerableSilent: share(answerable.filter((r) => r.offered.length === 0).length, answerable.length),
        silent: silent.length,
    };
}
