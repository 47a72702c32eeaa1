import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isKnownDeprecation } from '../src/knownDeprecations';
import { listeningUrls } from '../src/listenAddress';
import { BotProcess } from './helpers/botProcess';

describe('starting the bot (src/index.ts)', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'bot-start-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names the chat page and the messaging endpoint, and prints no deprecation warning', async () => {
        const bot = await BotProcess.start({ DATABASE_FILE: path.join(dir, 'bot.sqlite') }, { LOG_LEVEL: 'info' });
        try {
            const listening = bot.log.split('\n').find((line) => line.includes('bot listening'));
            assert.ok(listening, `a start-up line in:\n${bot.log}`);
            assert.ok(listening.includes(`chat page ${bot.url}/ `), listening);
            assert.ok(listening.includes(`messaging endpoint ${bot.url}/api/messages`), listening);
            assert.doesNotMatch(bot.log, /DeprecationWarning|DEP0\d{3}/);
        } finally {
            await bot.stop();
        }
    });

    it('a wildcard address is shown as localhost, an IPv6 one in brackets', () => {
        assert.deepEqual(listeningUrls('0.0.0.0', 3978), { chatPage: 'http://localhost:3978/', messagingEndpoint: 'http://localhost:3978/api/messages' });
        assert.equal(listeningUrls('::1', 8080).chatPage, 'http://[::1]:8080/');
    });

    it('only restify’s http_parser deprecation is dropped', () => {
        assert.ok(isKnownDeprecation("Access to process.binding('http_parser') is deprecated.", 'DeprecationWarning', 'DEP0111'));
        assert.ok(!isKnownDeprecation("Access to process.binding('util') is deprecated.", 'DeprecationWarning', 'DEP0111'));
        assert.ok(!isKnownDeprecation('The `punycode` module is deprecated.', { type: 'DeprecationWarning', code: 'DEP0040' }));
    });
});
