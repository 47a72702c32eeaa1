/**
 * Evaluates guidance offers the way the bot makes them: the trained classifier reads the
 * question (category, product, kind), then the customer's language's index ranks the
 * articles and applies its relevance floor. Two sets of labelled questions:
 *   tuning   corpus/guidance-eval/<lang>.jsonl          the floor and ranking were tuned on it
 *   heldout  corpus/guidance-eval/heldout/<lang>.jsonl  written apart, never tuned on
 * Usage: node --import tsx scripts/evalGuidance.ts [--verbose]
 * The last line is machine-readable and comes from the held-out set:
 *   guidance: top3=0.000 silent_precision=0.000 n=N
 */
import path from 'node:path';
import { GuidanceLibrary } from '../src/guidance/guidanceLibrary';
import { projectRoot } from '../src/paths';
import { LANGUAGES } from '../src/policy/types';
import { TrainedClassifier } from '../src/understanding/model/trainedClassifier';
import { GUIDANCE_EVAL_DIRS, guidanceEvalFiles, loadGuidanceQuestions, type GuidanceEvalSet } from './guidance/guidanceEvalSet';
import { guidanceFigures, type GuidanceOutcomeRow } from './guidance/guidanceScore';

const verbose = process.argv.includes('--verbose');
const root = projectRoot();
const library = GuidanceLibrary.fromDirectory(path.join(root, 'content', 'guidance'));
const ids = new Set(library.index('en').ids());
const classifier = TrainedClassifier.load();
const f3 = (x: number): string => x.toFixed(3);

function outcomes(set: GuidanceEvalSet): GuidanceOutcomeRow[] {
    return loadGuidanceQuestions(guidanceEvalFiles(root, set), ids).map((q) => {
        const c = classifier.classifySync(q.text);
        const ranked = library.rank(q.lang, { text: q.text, category: c.category.label, product: c.product.label, kind: c.category.label === 'technical' ? c.kind.label : null }, 3);
        return { lang: q.lang, text: q.text, gold: q.article, offered: ranked.map((r) => r.article.id) };
    });
}

function report(set: GuidanceEvalSet, rows: readonly GuidanceOutcomeRow[]): string[] {
    const out = [`${set}: ${rows.length} questions from ${GUIDANCE_EVAL_DIRS[set]}/<lang>.jsonl`];
    out.push('lang    n  answerable  top1   top3   silent  silent_precision  unanswerable_offered  answerable_silent');
    for (const lang of [...LANGUAGES, 'all'] as const) {
        const f = guidanceFigures(lang === 'all' ? rows : rows.filter((r) => r.lang === lang));
        out.push(
            `${lang.padEnd(4)} ${String(f.n).padStart(4)}  ${String(f.answerable).padStart(10)}  ${f3(f.top1)}  ${f3(f.top3)}  ${String(f.silent).padStart(6)}  ${f3(f.silentPrecision).padStart(16)}  ${f3(f.unanswerableOffered).padStart(20)}  ${f3(f.answerableSilent).padStart(17)}`,
        );
    }
    const misses = rows.filter((r) => (r.gold === null ? r.offered.length > 0 : !r.offered.slice(0, 3).includes(r.gold)));
    out.push('', `${set} misses (${misses.length}): gold → offered`);
    for (const m of verbose ? misses : misses.slice(0, 25)) out.push(`  [${m.lang}] ${m.gold ?? '(none)'} → ${m.offered.join(', ') || '(silent)'} :: ${m.text.length > 110 ? `${m.text.slice(0, 107)}...` : m.text}`);
    return out;
}

const tuning = outcomes('tuning');
const heldout = outcomes('heldout');
const out: string[] = [`eval:guidance (${library.index('en').size} articles per language)`, ''];
out.push(...report('tuning', tuning), '', ...report('heldout', heldout));
const all = guidanceFigures(heldout);
out.push('', 'the line below is the held-out set (never tuned on):', `guidance: top3=${f3(all.top3)} silent_precision=${f3(all.silentPrecision)} n=${all.n}`);
process.stdout.write(out.join('\n') + '\n');
