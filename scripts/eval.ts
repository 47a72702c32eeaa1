/**
 * Evaluates the committed model. Usage:
 *   node --import tsx scripts/eval.ts [--data FILE.jsonl ...] [--dev] [--model model.json]
 * Without --data: the dev split of corpus/*.jsonl. With --data and --dev: only the rows of
 * those files that fall in the dev split (e.g. an older corpus, to compare on the same rows).
 * The last line is machine-readable:
 *   eval: category=0.000 product=0.000 kind=0.000 severity=0.000 n=N
 */
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { CATEGORIES, KINDS, LANGUAGES, PRODUCTS, SEVERITIES } from '../src/policy/types';
import { corpusFiles, isDev, loadCorpus, type CorpusRow } from './training/split';
import { TrainedClassifier } from '../src/understanding/model/trainedClassifier';
import { argValues } from './cliArgs';
import { accuracy, confusion, macroF1, meanConfidence, type Pair } from './evalMetrics';

const argv = process.argv.slice(2);
const dataFiles = argValues(argv, '--data').map((f) => path.resolve(f));
const modelFile = argValues(argv, '--model')[0];
const devOnly = dataFiles.length === 0 || argv.includes('--dev');
const rows: CorpusRow[] = loadCorpus(dataFiles.length > 0 ? dataFiles : corpusFiles(projectRoot())).filter((r) => !devOnly || isDev(r.text));
const classifier = modelFile ? TrainedClassifier.load(path.resolve(modelFile)) : TrainedClassifier.load();

const FIELDS = ['language', 'category', 'product', 'kind', 'severity'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, readonly string[]> = { language: LANGUAGES, category: CATEGORIES, product: PRODUCTS, kind: KINDS, severity: [...SEVERITIES, 'none'] };
const pairs: Record<Field, Pair[]> = { language: [], category: [], product: [], kind: [], severity: [] };

for (const row of rows) {
    const c = classifier.classifySync(row.text);
    const base = { lang: row.lang, text: row.text };
    pairs.language.push({ ...base, gold: row.lang, pred: c.language.label, confidence: c.language.confidence });
    pairs.category.push({ ...base, gold: row.category, pred: c.category.label, confidence: c.category.confidence });
    pairs.product.push({ ...base, gold: row.product, pred: c.product.label, confidence: c.product.confidence });
    if (row.kind !== null) pairs.kind.push({ ...base, gold: row.kind, pred: c.kind.label, confidence: c.kind.confidence });
    if (row.category === 'technical' && row.kind === 'break-fix') {
        pairs.severity.push({ ...base, gold: row.severity ?? 'none', pred: c.severity?.label ?? 'none', confidence: c.severity?.confidence ?? Number.NaN });
    }
}

const source = dataFiles.length === 0 ? 'the dev split of corpus/*.jsonl' : `${devOnly ? 'the dev split of ' : ''}${dataFiles.join(', ')}`;
const out: string[] = [`eval: ${rows.length} rows from ${source}`, ''];
out.push('field      n     acc    macroF1  mean-conf   ' + LANGUAGES.map((l) => l.padStart(6)).join(''));
for (const f of FIELDS) {
    const ps = pairs[f];
    const withConf = ps.filter((p) => !Number.isNaN(p.confidence));
    const byLang = LANGUAGES.map((l) => {
        const sub = ps.filter((p) => p.lang === l);
        return (sub.length ? accuracy(sub).toFixed(3) : '  -  ').padStart(6);
    });
    out.push(`${f.padEnd(9)}${String(ps.length).padStart(4)}  ${accuracy(ps).toFixed(3)}  ${macroF1(ps, LABELS[f]).toFixed(3)}    ${meanConfidence(withConf).toFixed(3)}     ${byLang.join('')}`);
}
const stated = pairs.severity.filter((p) => p.gold !== 'none');
out.push(`(severity on break-fix rows that state an impact only: acc ${accuracy(stated).toFixed(3)}, n=${stated.length}; mean-conf excludes null predictions)`);

for (const f of FIELDS) out.push('', `confusion: ${f}`, confusion(pairs[f], LABELS[f]));

const mistakes = FIELDS.flatMap((f) => pairs[f].filter((p) => p.gold !== p.pred && !Number.isNaN(p.confidence)).map((p) => ({ field: f, ...p })))
    .sort((a, b) => b.confidence - a.confidence || a.text.localeCompare(b.text))
    .slice(0, 20);
out.push('', 'worst 20 mistakes (most confident wrong predictions):');
for (const m of mistakes) out.push(`  ${m.confidence.toFixed(2)} ${m.field}: ${m.gold} → ${m.pred} [${m.lang}] ${m.text.length > 140 ? m.text.slice(0, 137) + '...' : m.text}`);

out.push('', `eval: category=${accuracy(pairs.category).toFixed(3)} product=${accuracy(pairs.product).toFixed(3)} kind=${accuracy(pairs.kind).toFixed(3)} severity=${accuracy(pairs.severity).toFixed(3)} n=${rows.length}`);
process.stdout.write(out.join('\n') + '\n');
