import { normalizeText } from '../normalize';

/** How text becomes a hashed sparse vector. Stored in model.json so training and use agree. */
export interface FeatureConfig {
    /** Hash space is 2^hashBits buckets. */
    hashBits: number;
    charMin: number;
    charMax: number;
    /** Block weights applied to counts before L2 normalisation. */
    unigramWeight: number;
    bigramWeight: number;
    charWeight: number;
    /** Input is cut to this many characters before featurising. */
    maxChars: number;
}

/** Default feature settings (tuned on the dev split). */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
    hashBits: 18,
    charMin: 2,
    charMax: 5,
    unigramWeight: 1,
    bigramWeight: 1,
    charWeight: 1,
    maxChars: 4000,
};

/** A sparse vector: parallel bucket indices and values. */
export interface SparseVector {
    indices: Int32Array;
    values: Float32Array;
}

/** Features of one text plus the buckets of its word unigrams (for vocabulary coverage). */
export interface Featurized {
    vector: SparseVector;
    wordBuckets: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const UNIGRAM_SEED = 0x01;
const BIGRAM_SEED = 0x02;
const CHAR_SEED = 0x03;

/** 32-bit FNV-1a over UTF-16 code units, optionally from another offset basis. */
export function fnv1a(s: string, seed: number = FNV_OFFSET): number {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

/** Final avalanche (murmur3 fmix32), so low bits of the bucket are well mixed. */
function mix(h: number): number {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

/** Word tokens of already-normalized text. */
export function wordsOf(normalized: string): string[] {
    return normalized.split(/[\s.'-]+/).filter(Boolean);
}

/**
 * Hashed word unigrams and bigrams and character n-grams (over the normalized text padded
 * with spaces), as block-weighted counts, L2-normalised. Never throws.
 */
export function featurize(raw: string, config: FeatureConfig): Featurized {
    const text = normalizeText(String(raw ?? '').slice(0, config.maxChars));
    const mask = (1 << config.hashBits) - 1;
    const counts = new Map<number, number>();
    const add = (bucket: number, w: number): void => {
        counts.set(bucket, (counts.get(bucket) ?? 0) + w);
    };
    const words = wordsOf(text);
    const wordBuckets: number[] = [];
    for (let i = 0; i < words.length; i++) {
        const w = words[i] as string;
        const b = mix(fnv1a(w, FNV_OFFSET ^ UNIGRAM_SEED)) & mask;
        wordBuckets.push(b);
        if (config.unigramWeight > 0) add(b, config.unigramWeight);
        if (config.bigramWeight > 0 && i > 0) add(mix(fnv1a(`${words[i - 1] as string} ${w}`, FNV_OFFSET ^ BIGRAM_SEED)) & mask, config.bigramWeight);
    }
    if (config.charWeight > 0 && text.length > 0) {
        const padded = ` ${text} `;
        for (let start = 0; start < padded.length; start++) {
            let h = (FNV_OFFSET ^ CHAR_SEED) >>> 0;
            for (let n = 1; n <= config.charMax && start + n <= padded.length; n++) {
                h ^= padded.charCodeAt(start + n - 1);
                h = Math.imul(h, 0x01000193);
                if (n >= config.charMin) add(mix((h ^ n) >>> 0) & mask, config.charWeight);
            }
        }
    }
    let norm = 0;
    for (const v of counts.values()) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    const indices = new Int32Array(counts.size);
    const values = new Float32Array(counts.size);
    let k = 0;
    for (const [b, v] of counts) {
        indices[k] = b;
        values[k] = v / norm;
        k++;
    }
    return { vector: { indices, values }, wordBuckets };
}
