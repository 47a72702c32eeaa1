import { visibleText } from '../../test/helpers/botHarness';
import type { ConversationResult } from './runConversation';

/** correct/n of the results grouped by a key (a result may carry several keys, e.g. behaviours). */
function table(title: string, results: readonly ConversationResult[], keysOf: (r: ConversationResult) => readonly string[]): string[] {
    const groups = new Map<string, { correct: number; n: number }>();
    for (const r of results)
        for (const key of keysOf(r)) {
            const g = groups.get(key) ?? { correct: 0, n: 0 };
            g.n++;
            if (r.failures.length === 0) g.correct++;
            groups.set(key, g);
        }
    const rows = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => `  ${key.padEnd(24)}${`${g.correct}/${g.n}`.padStart(7)}`);
    return [`${title}:`, ...rows];
}

/** The most frequent first failed checks per behaviour ("ticket.product ×3"). */
function reasonsByBehaviour(failed: readonly ConversationResult[]): string[] {
    const counts = new Map<string, Map<string, number>>();
    for (const r of failed)
        for (const behaviour of r.script.behaviours) {
            const checks = counts.get(behaviour) ?? new Map<string, number>();
            const check = r.failures[0]?.check ?? '?';
            checks.set(check, (checks.get(check) ?? 0) + 1);
            counts.set(behaviour, checks);
        }
    return [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([behaviour, checks]) => `  ${behaviour.padEnd(24)}${[...checks].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ×${n}`).join(', ')}`);
}

/** Characters of one transcript line (articles run to pages). */
const TRANSCRIPT_WIDTH = 300;

function transcriptOf(result: ConversationResult): string[] {
    return result.transcript.map((line) => {
        const text = line.from === 'bot' && line.activity ? visibleText([line.activity]) : line.text;
        const flat = text.replace(/\s*\n\s*/g, ' | ');
        return `      ${line.from.padEnd(8)} ${flat.length > TRANSCRIPT_WIDTH ? `${flat.slice(0, TRANSCRIPT_WIDTH - 1)}…` : flat}`;
    });
}

/** The human-readable report; its last line is `conversations: correct=0.NNN dead_ends=N n=N`. */
export function formatReport(results: readonly ConversationResult[], options: { title: string; verbose: boolean }): string {
    const failed = results.filter((r) => r.failures.length > 0);
    const deadEnds = results.filter((r) => r.deadEnd.length > 0);
    const correct = results.length ? (results.length - failed.length) / results.length : 0;
    const lines = [`conversations: ${options.title}, ${results.length} conversations`, ''];
    lines.push(...table('by behaviour', results, (r) => r.script.behaviours), '');
    lines.push(...table('by language', results, (r) => [r.script.lang]), '');
    lines.push(...table('by channel', results, (r) => [r.script.channel]), '');
    lines.push(...table('by time', results, (r) => [r.script.when]), '');
    lines.push(`failed (${failed.length}), first failed expectation:`);
    for (const r of failed) {
        lines.push(`  ${r.script.id} [${r.script.behaviours.join(',')}] ${r.failures[0]?.detail ?? ''}`);
        if (options.verbose) lines.push(...r.failures.slice(1).map((f) => `      also: ${f.detail}`), ...transcriptOf(r));
    }
    lines.push('', 'first failed check per behaviour:', ...reasonsByBehaviour(failed), '');
    lines.push(`dead ends (${deadEnds.length}): the same generic re-prompt sent twice`, ...deadEnds.map((r) => `  ${r.script.id} ${r.deadEnd.join(', ')}`), '');
    lines.push(`conversations: correct=${correct.toFixed(3)} dead_ends=${deadEnds.length} n=${results.length}`);
    return lines.join('\n') + '\n';
}
