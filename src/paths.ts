import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root (the folder holding package.json), found by walking up from this file,
 * so paths to content and cards work both from TypeScript sources and from `dist/`.
 */
export function projectRoot(): string {
    let dir = __dirname;
    for (;;) {
        if (existsSync(path.join(dir, 'package.json'))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) throw new Error('projectRoot(): package.json not found above ' + __dirname);
        dir = parent;
    }
}

/** Resolves a path given relative to the project root (absolute paths are kept). */
export function fromRoot(p: string): string {
    return path.isAbsolute(p) ? p : path.join(projectRoot(), p);
}
