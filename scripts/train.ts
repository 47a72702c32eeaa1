/**
 * Trains the intake classifier on the non-dev rows of corpus/*.jsonl and writes
 * src/understanding/model/model.json, then the intent model on the non-dev lines of
 * corpus/intents/*.jsonl into src/understanding/model/intents.json.
 * Usage: node --import tsx scripts/train.ts [--out FILE] [--intents-out FILE]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { projectRoot } from '../src/paths';
import { INTENT_MODEL_PATH } from '../src/understanding/model/intentModel';
import { MODEL_PATH } from '../src/understanding/model/trainedClassifier';
import { outPath } from './cliArgs';
import { trainIntentsToFile } from './training/intentTraining';
import { corpusFiles, isDev, loadCorpus } from './training/split';
import { serializeModel } from './training/serializeModel';
import { DEFAULT_TRAIN_OPTIONS } from './training/trainOptions';
import { trainModel } from './training/trainModel';

const started = process.hrtime.bigint();
const rows = loadCorpus(corpusFiles(projectRoot()));
const train = rows.filter((r) => !isDev(r.text));
const { model, reports } = trainModel(train, DEFAULT_TRAIN_OPTIONS);
const text = serializeModel(model);
const out = outPath(process.argv.slice(2), '--out', MODEL_PATH);
writeFileSync(out, text);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const lines = [`train: ${train.length} rows (${rows.length - train.length} held out as dev)`];
for (const r of reports) {
    lines.push(
        `  ${r.name.padEnd(8)} rows=${String(r.rows).padStart(4)} train-acc=${r.trainAccuracy.toFixed(3)} cv-acc=${r.heldOutAccuracy.toFixed(3)} temperature=${r.temperature.toFixed(3)} stored-rows=${r.storedRows}`,
    );
}
lines.push(`wrote ${out} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 16)})`);
lines.push(`time: ${seconds.toFixed(1)} s`);
lines.push(...trainIntentsToFile(outPath(process.argv.slice(2), '--intents-out', INTENT_MODEL_PATH)));
process.stdout.write(lines.join('\n') + '\n');
