/**
 * Runs the scripted conversations of corpus/conversations/*.jsonl through the real app (its
 * HTTP endpoint, a temporary SQLite database, the fake channel, a clock set from each
 * script's `when`) and checks each one's end state. Usage:
 *   npm run eval:conversations -- [--split dev|all] [--lang xx] [--id es-007 ...] [--verbose] [--jobs N]
 * Default: the dev split. The last line is machine-readable:
 *   conversations: correct=0.000 dead_ends=N n=N
 */
import { formatReport } from './conversations/report';
import { runConversations } from './conversations/runConversations';
import type { Selection } from './conversations/conversationScript';

function argValues(argv: readonly string[], flag: string): string[] {
    return argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1] as string] : []));
}

async function main(argv: readonly string[]): Promise<void> {
    const split = argValues(argv, '--split')[0] ?? 'dev';
    if (split !== 'dev' && split !== 'all') throw new Error(`evalConversations: --split must be dev or all, not ${split}`);
    const selection: Selection = { split, lang: argValues(argv, '--lang')[0], ids: argValues(argv, '--id') };
    const jobs = Number(argValues(argv, '--jobs')[0] ?? 2);
    const results = await runConversations(selection, Number.isInteger(jobs) && jobs > 0 ? jobs : 2);
    const title = selection.ids?.length ? `ids ${selection.ids.join(', ')}` : `${split === 'dev' ? 'dev split' : 'all'}${selection.lang ? `, language ${selection.lang}` : ''}`;
    process.stdout.write(formatReport(results, { title, verbose: argv.includes('--verbose') }));
}

main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exitCode = 1;
});
