/** How a message is typed, apart from its words: shouting and runs of ! and ?. */
export interface Typography {
    /** Upper-case share of the letters (0 when there are fewer than 6 letters). */
    capsRatio: number;
    /** Words of two or more letters written all in capitals ("NO", "THIS"). */
    capsWords: number;
    /** Mostly capitals, with at least two words in capitals: shouting. */
    shouting: boolean;
    /** Longest run of "!" (with "1" typed in the run, as in "!!!1"). */
    bangs: number;
    /** Longest run of "?". */
    questions: number;
    /** "?!" or "!?" anywhere. */
    interrobang: boolean;
    /** Numbered items ("1) … 2) …", "1. … 2. …"). */
    enumerated: boolean;
}

const longestRun = (text: string, pattern: RegExp): number => Math.max(0, ...Array.from(text.matchAll(pattern), (m) => m[0].length));

/** Reads the typography of raw text (as typed, before normalisation). Never throws. */
export function typographyOf(text: string): Typography {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
    const capsRatio = letters >= 6 ? upper / letters : 0;
    const capsWords = Array.from(text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu)).length;
    return {
        capsRatio,
        capsWords,
        shouting: capsRatio >= 0.6 && capsWords >= 2,
        bangs: longestRun(text, /![!1]*/g),
        questions: longestRun(text, /\?+/g),
        interrobang: /\?!|!\?/.test(text),
        enumerated: /(?:^|\s)1[.)]\s[\s\S]*\s2[.)]\s/.test(text),
    };
}
