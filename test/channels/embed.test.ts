import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';
import { BotHarness } from '../helpers/botHarness';

const frameAncestors = (res: Response): string | undefined => /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

/** /embed is the chat for the partner's own site in an iframe: no other site may frame it. */
describe('/embed framing', () => {
    it('is not embeddable by default: 404 with a page that says so, and frame-ancestors none', async () => {
        const bot = await BotHarness.start();
        try {
            const res = await fetch(`${bot.baseUrl}/embed`);
            assert.equal(res.status, 404);
            assert.equal(frameAncestors(res), "'none'");
            assert.match(await res.text(), /embedding is not configured/i);
            assert.equal(frameAncestors(await fetch(`${bot.baseUrl}/`)), "'none'", 'the page itself is never framed');
        } finally {
            await bot.stop();
        }
    });

    it('may be framed by the configured https origins only', async () => {
        const bot = await BotHarness.start({ env: { WEBCHAT_EMBED_ORIGINS: 'https://www.fabrikam.example, https://shop.fabrikam.example:8443' } });
        try {
            const res = await fetch(`${bot.baseUrl}/embed`);
            assert.equal(res.status, 200);
            assert.equal(frameAncestors(res), 'https://www.fabrikam.example https://shop.fabrikam.example:8443');
            assert.match(await res.text(), /<main id="webchat"/);
        } finally {
            await bot.stop();
        }
    });

    it('refuses origins that are not https origins at start-up, naming the variable', () => {
        for (const bad of ['*', 'http://www.fabrikam.example', 'https://www.fabrikam.example/chat', "'self'", 'https://a.example; script-src *', 'fabrikam.example']) {
            assert.throws(() => loadConfig({ WEBCHAT_EMBED_ORIGINS: bad }), (err: Error) => err instanceof ConfigError && /WEBCHAT_EMBED_ORIGINS/.test(err.message), bad);
        }
        assert.deepEqual(loadConfig({ WEBCHAT_EMBED_ORIGINS: 'https://A.example/ https://b.example' }).WEBCHAT_EMBED_ORIGINS, ['https://a.example', 'https://b.example']);
    });
});
