/**
 * Trains the intent model alone (`npm run train` trains it after the classifier) into
 * src/understanding/model/intents.json. Usage: node --import tsx scripts/trainIntents.ts [--out FILE] [--cv]
 * --cv also cross-validates the whole recogniser on the train split, for tuning; the dev split is for `npm run eval:intents`.
 */
import { INTENT_MODEL_PATH } from '../src/understanding/model/intentModel';
import { outPath } from './cliArgs';
import { trainIntentsToFile } from './training/intentTraining';

const argv = process.argv.slice(2);
const out = outPath(argv, '--out', INTENT_MODEL_PATH);
const started = process.hrtime.bigint();
const lines = trainIntentsToFile(out, argv.includes('--cv'));
lines.push(`time: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
process.stdout.write(lines.join('\n') + '\n');
