/**
 * Runs the mocha suite from TypeScript sources and ends with a plain "N passed, N failed"
 * line that CI can read. Usage: node --import tsx scripts/runTests.ts [path-substring ...]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
    return readdirSync(dir)
        .flatMap((name) => {
            const full = path.join(dir, name);
            if (statSync(full).isDirectory()) return name === 'fakes' ? [] : testFiles(full);
            return name.endsWith('.test.ts') ? [full] : [];
        })
        .sort();
}

const filters = process.argv.slice(2);
const mocha = new Mocha({ reporter: 'spec', timeout: 30_000 });
for (const file of testFiles(path.join(process.cwd(), 'test'))) if (filters.length === 0 || filters.some((f) => file.includes(f))) mocha.addFile(file);

void mocha.loadFilesAsync().then(() => {
    const runner = mocha.run((failures) => {
        const stats = runner.stats;
        process.stdout.write(`\n${stats?.passes ?? 0} passed, ${failures} failed${stats?.pending ? `, ${stats.pending} skipped` : ''}\n`);
        process.exitCode = failures > 0 ? 1 : 0;
    });
});
