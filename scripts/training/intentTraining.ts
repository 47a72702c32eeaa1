import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { projectRoot } from '../../src/paths';
import { INTENT_CLASSES } from '../../src/understanding/intentLabels';
import { accuracy, macroF1, precision, recall } from '../evalMetrics';
import { crossValidateIntents } from './crossValidateIntents';
import { intentCorpusFiles, loadIntentCorpus } from './intentCorpus';
import { DEFAULT_INTENT_TRAIN_OPTIONS } from './intentTrainOptions';
import { serializeModel } from './serializeModel';
import { isDev } from './split';
import { trainIntentModel } from './trainIntentModel';

/**
 * Trains the intent model on the non-dev lines of corpus/intents/*.jsonl, writes it to `out`
 * and returns the report lines. With `crossValidate`, also the recogniser's 5-fold figures on
 * the train split (how its settings are tuned without looking at dev).
 */
export function trainIntentsToFile(out: string, crossValidate = false): string[] {
    const rows = loadIntentCorpus(intentCorpusFiles(projectRoot()));
    const train = rows.filter((r) => !isDev(r.text));
    const { model, report: r } = trainIntentModel(train, DEFAULT_INTENT_TRAIN_OPTIONS);
    const text = serializeModel(model);
    writeFileSync(out, text);
    const lines = [
        `train intents: ${train.length} lines (${rows.length - train.length} held out as dev)`,
        `  intent   rows=${String(r.rows).padStart(4)} train-acc=${r.trainAccuracy.toFixed(3)} cv-acc=${r.heldOutAccuracy.toFixed(3)} (model alone) temperature=${r.temperature.toFixed(3)} stored-rows=${r.storedRows}`,
    ];
    if (crossValidate) {
        const pairs = crossValidateIntents(train, DEFAULT_INTENT_TRAIN_OPTIONS);
        lines.push(`  recogniser (rules and model), 5-fold on the train split: accuracy=${accuracy(pairs).toFixed(3)} macroF1=${macroF1(pairs, INTENT_CLASSES).toFixed(3)}`);
        for (const c of INTENT_CLASSES) lines.push(`    ${c.padEnd(14)} precision=${precision(pairs, c).toFixed(3)} recall=${recall(pairs, c).toFixed(3)}`);
    }
    lines.push(`wrote ${out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 16)})`);
    return lines;
}
