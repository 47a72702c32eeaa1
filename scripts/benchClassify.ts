/**
 * Benchmarks the trained classifier and the intent recogniser: model load time, heap/RSS
 * after loading the classifier, and p50/p99 microseconds per message over their corpora
 * (after a warm-up pass). Usage: node --import tsx scripts/benchClassify.ts [--rounds N]
 */
import { projectRoot } from '../src/paths';
import { IntentRecognizer } from '../src/understanding/intentRecognizer';
import { corpusFiles, loadCorpus } from './training/split';
import { intentCorpusFiles, loadIntentCorpus } from './training/intentCorpus';
import { TrainedClassifier } from '../src/understanding/model/trainedClassifier';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 1) : 3;

/** Milliseconds to run `load`, and its result. */
function timed<T>(load: () => T): { value: T; ms: number } {
    const t0 = process.hrtime.bigint();
    const value = load();
    return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** "p50 …, p99 …, max …" microseconds of `score` per text, after one warm-up round; also returns a checksum. */
function perMessage(texts: readonly string[], score: (text: string) => number): { line: string; sink: number } {
    let sink = 0;
    for (const t of texts) sink += score(t);
    const micros: number[] = [];
    for (let r = 0; r < rounds; r++) {
        for (const t of texts) {
            const s = process.hrtime.bigint();
            sink += score(t);
            micros.push(Number(process.hrtime.bigint() - s) / 1e3);
        }
    }
    micros.sort((a, b) => a - b);
    const pct = (p: number): number => micros[Math.min(micros.length - 1, Math.floor(p * micros.length))] as number;
    return { line: `p50 ${pct(0.5).toFixed(1)} µs, p99 ${pct(0.99).toFixed(1)} µs, max ${pct(1).toFixed(1)} µs`, sink };
}

const texts = loadCorpus(corpusFiles(projectRoot())).map((r) => r.text);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const classifier = timed(() => TrainedClassifier.load());
gc?.();
const after = process.memoryUsage();
const classified = perMessage(texts, (t) => classifier.value.classifySync(t).category.confidence);

const intentTexts = loadIntentCorpus(intentCorpusFiles(projectRoot())).map((r) => r.text);
const intents = timed(() => IntentRecognizer.load());
const recognized = perMessage(intentTexts, (t) => intents.value.recognize(t).confidence);

process.stdout.write(
    [
        `bench: ${texts.length} messages x ${rounds} rounds (after 1 warm-up round)${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
        `load: ${classifier.ms.toFixed(0)} ms`,
        `heap after load: ${mb(after.heapUsed)} (model adds ${mb(after.heapUsed - before.heapUsed)} heap, ${mb(after.arrayBuffers - before.arrayBuffers)} typed arrays)`,
        `rss after load: ${mb(after.rss)} (+${mb(after.rss - before.rss)})`,
        `per message: ${classified.line}`,
        `intents: ${intentTexts.length} lines x ${rounds} rounds; load ${intents.ms.toFixed(0)} ms; per message: ${recognized.line}`,
        `(checksum ${(classified.sink + recognized.sink).toFixed(3)})`,
    ].join('\n') + '\n',
);
