import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CannedResponses } from '../../src/handoff/cannedResponses';

describe('canned responses (CANNED_RESPONSES_FILE)', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'canned-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function file(content: unknown): string {
        const p = path.join(dir, 'canned.json');
        writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
        return p;
    }

    it('the shipped file loads, with every response in the four languages', () => {
        const canned = CannedResponses.fromFile('config/canned-responses.json');
        assert.ok(canned.list().length >= 5);
        for (const c of canned.list()) assert.deepEqual(c.languages, ['en', 'es', 'pt', 'ru'], c.name);
    });

    it('sends the customer’s language, English where the partner wrote no other', () => {
        const canned = CannedResponses.fromFile(file({ responses: { thanks: { en: 'Thank you', es: 'Gracias' } } }));
        assert.equal(canned.text('thanks', 'es'), 'Gracias');
        assert.equal(canned.text('THANKS', 'ru'), 'Thank you');
        assert.equal(canned.text('missing', 'en'), undefined);
    });

    it('a bad file stops start-up with a message naming the entry', () => {
        assert.throws(() => CannedResponses.fromFile(file({ responses: { 'Bad Name': { en: 'x' } } })), /CANNED_RESPONSES_FILE .*responses\.Bad Name/);
        assert.throws(() => CannedResponses.fromFile(file({ responses: { hi: { es: 'Hola' } } })), /responses\.hi\.en/);
        assert.throws(() => CannedResponses.fromFile(file({ responses: { hi: { en: 'Hi', fr: 'Salut' } } })), /responses\.hi/);
        assert.throws(() => CannedResponses.fromFile(file('{not json')), /CANNED_RESPONSES_FILE/);
        assert.throws(() => CannedResponses.fromFile(path.join(dir, 'absent.json')), /CANNED_RESPONSES_FILE/);
    });
});
