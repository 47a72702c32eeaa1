import { serviceCatalogue } from '../../catalogue';
import { normalizeForModel } from './modelText';

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
    /** Weight of truncated-word ("stem") unigrams and bigrams; words are cut to stemLength characters. */
    stemWeight: number;
    stemLength: number;
    /** Weight of digit-shape features (digits replaced by 0, e.g. "40 people" → "00 people"). */
    shapeWeight: number;
    /**
     * Weight of the service catalogue's tokens: for every service, plan or brand name found
     * (content/catalogue/services.json), "svc:<family>" and "svcp:<product>". 0 leaves them out.
     * A model trained with them is only valid for the catalogue it was trained with: changing
     * the catalogue's names, families or products requires retraining.
     */
    catalogueWeight: number;
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
    stemWeight: 0,
    stemLength: 5,
    shapeWeight: 0,
    catalogueWeight: 0,
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
const STEM_SEED = 0x04;
const SHAPE_SEED = 0x05;
const CATALOGUE_SEED = 0x06;

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

/** The bucket of a named token in a 2^hashBits space, hashed with its own seed (for features beyond n-grams). */
export function bucketOf(token: string, seed: number, hashBits: number): number {
    return mix(fnv1a(token, (FNV_OFFSET ^ seed) >>> 0)) & ((1 << hashBits) - 1);
}

/** Reusable dense accumulators, one per hash size (featurize is synchronous, so sharing is safe). */
const scratch = new Map<number, Float64Array>();

function scratchFor(hashBits: number): Float64Array {
    let acc = scratch.get(hashBits);
    if (!acc) {
        acc = new Float64Array(1 << hashBits);
        scratch.set(hashBits, acc);
    }
    return acc;
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
    const text = normalizeForModel(String(raw ?? '').slice(0, config.maxChars));
    const mask = (1 << config.hashBits) - 1;
    const acc = scratchFor(config.hashBits);
    const touched: number[] = [];
    const add = (bucket: number, w: number): void => {
        if (acc[bucket] === 0) touched.push(bucket);
        acc[bucket] = (acc[bucket] as number) + w;
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
    if (config.stemWeight > 0) {
        const stems = words.map((w) => w.slice(0, config.stemLength));
        stems.forEach((st, i) => {
            add(mix(fnv1a(st, FNV_OFFSET ^ STEM_SEED)) & mask, config.stemWeight);
            if (i > 0) add(mix(fnv1a(`${stems[i - 1] as string} ${st}`, FNV_OFFSET ^ STEM_SEED)) & mask, config.stemWeight);
        });
    }
    if (config.shapeWeight > 0) {
        words.forEach((w, i) => {
            if (!/\d/.test(w)) return;
            const shape = w.replace(/\d+/g, '0');
            add(mix(fnv1a(shape, FNV_OFFSET ^ SHAPE_SEED)) & mask, config.shapeWeight);
            const next = words[i + 1];
            if (next !== undefined) add(mix(fnv1a(`${shape} ${next}`, FNV_OFFSET ^ SHAPE_SEED)) & mask, config.shapeWeight);
        });
    }
    if (config.catalogueWeight > 0) {
        for (const service of serviceCatalogue().find(String(raw ?? '').slice(0, config.maxChars))) {
            add(bucketOf(`svc:${service.family}`, CATALOGUE_SEED, config.hashBits), config.catalogueWeight);
            add(bucketOf(`svcp:${service.product}`, CATALOGUE_SEED, config.hashBits), config.catalogueWeight);
        }
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
    for (const b of touched) norm += (acc[b] as number) * (acc[b] as number);
    norm = Math.sqrt(norm) || 1;
    const indices = Int32Array.from(touched);
    const values = new Float32Array(touched.length);
    touched.forEach((b, k) => {
        values[k] = (acc[b] as number) / norm;
        acc[b] = 0;
    });
    return { vector: { indices, values }, wordBuckets };
}
