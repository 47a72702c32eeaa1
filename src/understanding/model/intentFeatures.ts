import { bucketOf, featurize, type FeatureConfig, type Featurized } from './features';

/** Seed of the signal buckets, distinct from the n-gram seeds. */
const SIGNAL_SEED = 0x51;

/**
 * The intent model's features: hashed word and character n-grams of the normalized text (as
 * the classifier's), plus one bucket per named signal (cues from the language packs, caps,
 * "!!!"), each worth `signalWeight`. The n-gram block keeps its L2 norm of 1.
 */
export function featurizeIntent(normalized: string, signals: readonly string[], config: FeatureConfig, signalWeight: number): Featurized {
    const base = featurize(normalized, config);
    if (signalWeight <= 0 || signals.length === 0) return base;
    const values = new Map<number, number>();
    base.vector.indices.forEach((b, i) => values.set(b, base.vector.values[i] as number));
    for (const s of signals) {
        const b = bucketOf(s, SIGNAL_SEED, config.hashBits);
        values.set(b, (values.get(b) ?? 0) + signalWeight);
    }
    return { wordBuckets: base.wordBuckets, vector: { indices: Int32Array.from(values.keys()), values: Float32Array.from(values.values()) } };
}
