/**
 * Benchmarks the trained classifier: model load time, heap/RSS after load, and p50/p99
 * microseconds per message over the whole corpus (after a warm-up pass).
 * Usage: node --import tsx scripts/benchClassify.ts [--rounds N]
 */
import { projectRoot } from '../src/paths';
import { corpusFiles, loadCorpus } from './training/split';
import { TrainedClassifier } from '../src/understanding/model/trainedClassifier';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 1) : 3;

const texts = loadCorpus(corpusFiles(projectRoot())).map((r) => r.text);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const t0 = process.hrtime.bigint();
const classifier = TrainedClassifier.load();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
gc?.();
const after = process.memoryUsage();

let sink = 0;
for (const t of texts) sink += classifier.classifySync(t).category.confidence;

const micros: number[] = [];
for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
        const s = process.hrtime.bigint();
        sink += classifier.classifySync(t).category.confidence;
        micros.push(Number(process.hrtime.bigint() - s) / 1e3);
    }
}
micros.sort((a, b) => a - b);
const pct = (p: number): number => micros[Math.min(micros.length - 1, Math.floor(p * micros.length))] as number;

process.stdout.write(
    [
        `bench: ${texts.length} messages x ${rounds} rounds (after 1 warm-up round)${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
        `load: ${loadMs.toFixed(0)} ms`,
        `heap after load: ${mb(after.heapUsed)} (model adds ${mb(after.heapUsed - before.heapUsed)} heap, ${mb(after.arrayBuffers - before.arrayBuffers)} typed arrays)`,
        `rss after load: ${mb(after.rss)} (+${mb(after.rss - before.rss)})`,
        `per message: p50 ${pct(0.5).toFixed(1)} µs, p99 ${pct(0.99).toFixed(1)} µs, max ${pct(1).toFixed(1)} µs`,
        `(checksum ${sink.toFixed(3)})`,
    ].join('\n') + '\n',
);
