import type { IntentEvidence } from './intentCues';

/** How much each sign alone says about anger (0..1); signs combine as a noisy-OR. */
const WEIGHTS = {
    insult: 0.9,
    shouting: 0.7,
    threeBangs: 0.5,
    twoBangs: 0.3,
    repeatedQuestions: 0.3,
    interrobang: 0.3,
    angryWords: 0.25,
    capsWord: 0.15,
} as const;

/**
 * Frustration from 0 (calm) to 1, with no cloud service: the intent model's probability of
 * frustration combined (noisy-OR) with typed signs of anger: insults and giving up from the
 * packs, shouting in capitals, runs of "!!!" and "??", "?!". A score, not a calibrated
 * probability: compare it with a threshold tuned on conversations.
 */
export function frustrationFrom(e: IntentEvidence, modelProbability: number): number {
    const t = e.typography;
    const signs = [
        modelProbability,
        e.cues.insults ? WEIGHTS.insult : 0,
        t.shouting ? WEIGHTS.shouting : 0,
        t.bangs >= 3 ? WEIGHTS.threeBangs : t.bangs === 2 ? WEIGHTS.twoBangs : 0,
        t.questions >= 2 ? WEIGHTS.repeatedQuestions : 0,
        t.interrobang ? WEIGHTS.interrobang : 0,
        e.cues.frustration ? WEIGHTS.angryWords : 0,
        t.capsWords > 0 && !t.shouting ? WEIGHTS.capsWord : 0,
    ];
    return 1 - signs.reduce((calm, p) => calm * (1 - Math.min(1, Math.max(0, p))), 1);
}
