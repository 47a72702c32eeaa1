import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { BotHarness } from './botHarness';

/** Debian's Chromium (CI installs it in .ci/run). */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots and other browser output, gitignored. */
export const ARTIFACTS = path.join(projectRoot(), 'test-artifacts');

/** Skips the suite on a developer machine without Chromium (saying why); on CI its absence fails. */
export function requireChromium(suite: Mocha.Context): void {
    if (existsSync(CHROMIUM)) return;
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    suite.skip();
}

/**
 * For a suite of browser tests: a fresh bot and Chromium for each test, closed after it
 * (the suite skips without Chromium, saying why). Read them as `rig.bot` and `rig.browser`.
 */
export function botWithChromium(): { readonly bot: BotHarness; readonly browser: Browser } {
    const rig = {} as { bot: BotHarness; browser: Browser };
    before(function () {
        // CI installs Debian's chromium (.ci/run); a developer machine without it skips, saying why.
        requireChromium(this);
    });
    beforeEach(async () => {
        rig.bot = await BotHarness.start();
        rig.browser = await launchChromium();
    });
    afterEach(async () => {
        await rig.browser?.close();
        await rig.bot?.stop();
    });
    return rig;
}

export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}

/** Console warnings and errors, and uncaught exceptions, of a page: a whole conversation should have none. */
export function consoleProblems(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    return problems;
}

/** A word the browser broke across lines although it fits on one, or a label over more than two lines. */
export interface LayoutProblem {
    kind: 'split word' | 'label lines';
    text: string;
    lines: number;
}

/**
 * Measures the text of one element in the page: every word (a run without spaces or hyphens,
 * where a line may break) whose client rects lie on more than one line although the word is
 * narrower than the card, and every label that takes more than two lines.
 */
export async function layoutProblems(page: Page, selector: string, index: number, labels: string[]): Promise<LayoutProblem[]> {
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    return page.evaluate(`(${MEASURE})(${JSON.stringify({ selector, index, labels })})`) as Promise<LayoutProblem[]>;
}

const MEASURE = `function ({ selector, index, labels }) {
    const root = document.querySelectorAll(selector)[index];
    if (!root) throw new Error('no element ' + selector + ' #' + index);
    // Lines: client rects whose tops differ by more than a few pixels.
    const lineCount = (rects) => {
        const tops = Array.from(rects).filter((r) => r.width > 0).map((r) => r.top).sort((a, b) => a - b);
        return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 3).length;
    };
    const contentWidth = (card) => {
        const style = getComputedStyle(card);
        return card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    };
    const problems = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = node.parentElement;
        if (!block || block.getClientRects().length === 0) continue;
        for (const match of (node.textContent || '').matchAll(/[^\\s\\-–—/]+/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
            const width = rects.reduce((sum, r) => sum + r.width, 0);
            const lines = lineCount(rects);
            // A word wider than the (innermost) card's content box has to break; any other split is the layout's fault.
            if (lines > 1 && width < contentWidth(block.closest('.ac-adaptiveCard') || root) - 1) problems.push({ kind: 'split word', text: match[0], lines });
        }
    }
    for (const label of labels) {
        const element = Array.from(root.querySelectorAll('.ac-textBlock')).find((e) => (e.textContent || '').trim() === label);
        if (!element) throw new Error('label "' + label + '" not found');
        const range = document.createRange();
        range.selectNodeContents(element);
        const lines = lineCount(range.getClientRects());
        if (lines > 2) problems.push({ kind: 'label lines', text: label, lines });
    }
    return problems;
}`;
