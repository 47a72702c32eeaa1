/**
 * Evaluates the intent recogniser (rules and the committed intents.json). Usage:
 *   node --import tsx scripts/evalIntents.ts [--data FILE.jsonl ...] [--model intents.json]
 * Without --data: the dev split of corpus/intents/*.jsonl. The last line is machine-readable:
 *   intents: accuracy=0.000 macroF1=0.000 n=N
 */
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { LANGUAGES } from '../src/policy/types';
import { INTENT_CLASSES } from '../src/understanding/intentLabels';
import { IntentRecognizer } from '../src/understanding/intentRecognizer';
import { argValues } from './cliArgs';
import { accuracy, confusion, f1, macroF1, precision, recall, type Pair } from './evalMetrics';
import { intentCorpusFiles, loadIntentCorpus } from './training/intentCorpus';
import { recognizeRows } from './training/intentPairs';
import { isDev } from './training/split';

const argv = process.argv.slice(2);
const dataFiles = argValues(argv, '--data').map((f) => path.resolve(f));
const modelFile = argValues(argv, '--model')[0];
const rows = dataFiles.length > 0 ? loadIntentCorpus(dataFiles) : loadIntentCorpus(intentCorpusFiles(projectRoot())).filter((r) => isDev(r.text));
const pairs = recognizeRows(IntentRecognizer.load(modelFile ? path.resolve(modelFile) : undefined), rows);

const fmt = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3)).padStart(6);
const inLang = (ps: readonly Pair[], lang: string): Pair[] => ps.filter((p) => p.lang === lang);
const accuracyOrNaN = (ps: readonly Pair[]): number => (ps.length > 0 ? accuracy(ps) : Number.NaN);
const langHeader = LANGUAGES.map((l) => `${l}:acc`.padStart(7) + `${l}:P`.padStart(6)).join('');

const out: string[] = [`intents: ${rows.length} lines from ${dataFiles.length > 0 ? dataFiles.join(', ') : 'the dev split of corpus/intents/*.jsonl'}`, ''];
out.push(`intent           n  precision recall     F1 ${langHeader}`);
for (const c of INTENT_CLASSES) {
    const gold = pairs.filter((p) => p.gold === c);
    // Per language: accuracy on this intent's lines (its recall there) and the precision of predicting it there.
    const byLang = LANGUAGES.map((l) => ` ${fmt(accuracyOrNaN(inLang(gold, l)))}${fmt(precision(inLang(pairs, l), c))}`).join('');
    out.push(`${c.padEnd(14)}${String(gold.length).padStart(4)}     ${fmt(precision(pairs, c))} ${fmt(recall(pairs, c))} ${fmt(f1(pairs, c))} ${byLang}`);
}
out.push(`(per language, acc: share of that intent's lines recognised; P: precision of predicting it)`);
out.push(`${'all'.padEnd(14)}${String(pairs.length).padStart(4)}  accuracy ${fmt(accuracy(pairs))}  macroF1 ${fmt(macroF1(pairs, INTENT_CLASSES))}   ` + LANGUAGES.map((l) => `${l} ${fmt(accuracy(inLang(pairs, l)))}`).join('  '));

const switches = pairs.filter((p) => p.targetRight !== undefined);
const ruled = pairs.filter((p) => p.decidedBy === 'rule');
const modelled = pairs.filter((p) => p.decidedBy === 'model');
out.push(
    '',
    `switch target right on ${switches.filter((p) => p.targetRight).length}/${switches.length} switch lines`,
    `decided by rules: ${ruled.length} lines, accuracy ${fmt(accuracy(ruled)).trim()}; by the model: ${modelled.length} lines, accuracy ${fmt(accuracy(modelled)).trim()}`,
    '',
    'confusion: intent',
    confusion(pairs, INTENT_CLASSES),
);

const mistakes = pairs.filter((p) => p.gold !== p.pred).sort((a, b) => b.confidence - a.confidence || a.text.localeCompare(b.text));
out.push('', `mistakes (${mistakes.length}, most confident first):`);
for (const m of mistakes) out.push(`  ${m.confidence.toFixed(2)} ${m.decidedBy.padEnd(5)} ${m.gold} → ${m.pred} [${m.lang}] ${m.text.length > 120 ? m.text.slice(0, 117) + '...' : m.text}`);

out.push('', `intents: accuracy=${accuracy(pairs).toFixed(3)} macroF1=${macroF1(pairs, INTENT_CLASSES).toFixed(3)} n=${pairs.length}`);
process.stdout.write(out.join('\n') + '\n');
