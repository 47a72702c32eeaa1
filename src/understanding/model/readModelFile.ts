import { readFileSync } from 'node:fs';

/** Reads and parses a model file; throws `<caller>: cannot read <file>: reason`. */
export function readModelFile(file: string, caller: string): unknown {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
        throw new Error(`${caller}: cannot read ${file}: ${(err as Error).message}`, { cause: err });
    }
}
