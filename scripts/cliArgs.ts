import path from 'node:path';
import { projectRoot } from '../src/paths';

/** Every value given after `flag` ("--data a.jsonl --data b.jsonl" → both files). */
export function argValues(argv: readonly string[], flag: string): string[] {
    return argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1] as string] : []));
}

/** The file given after `flag`, resolved; else `fallback` under the project root. */
export function outPath(argv: readonly string[], flag: string, fallback: string): string {
    const given = argValues(argv, flag)[0];
    return given ? path.resolve(given) : path.join(projectRoot(), fallback);
}
