import assert from 'node:assert/strict';
import path from 'node:path';
import { parseArticle, loadArticles, ArticleFormatError } from '../../src/guidance/articleLoader';
import { GuidanceIndex } from '../../src/guidance/guidanceIndex';
import { projectRoot } from '../../src/paths';
import type { RankQuery } from '../../src/guidance/guidanceIndex';

const articles = loadArticles(path.join(projectRoot(), 'content', 'guidance'), 'en');
const index = new GuidanceIndex(articles);

describe('guidance articles and ranking', () => {
    it('ships at least 20 articles, commercial and technical, across the four products', () => {
        assert.ok(articles.length >= 20);
        for (const product of ['azure', 'microsoft365', 'dynamics365', 'ems', 'any']) assert.ok(articles.some((a) => a.product === product), product);
        for (const id of ['m365-service-health', 'azure-service-health', 'billing-invoice-questions', 'access-disabled-non-payment', 'add-remove-licences', 'sign-in-problems', 'mfa-problems', 'mail-flow-problems', 'teams-call-quality', 'azure-vm-start-failure', 'dynamics-365-access']) {
            assert.ok(index.get(id), `missing ${id}`);
        }
    });

    const cases: Array<[string, RankQuery, string]> = [
        ['mail flow', { text: 'external emails are not arriving, senders get a bounce NDR 550 5.7.1', category: 'technical', product: 'microsoft365', kind: 'break-fix' }, 'mail-flow-problems'],
        ['Teams call quality', { text: 'Teams calls are choppy, audio drops and video freezes in meetings', category: 'technical', product: 'microsoft365', kind: 'break-fix' }, 'teams-call-quality'],
        ['VM start failure', { text: 'my virtual machine will not start, allocation failed error when I press start', category: 'technical', product: 'azure', kind: 'break-fix' }, 'azure-vm-start-failure'],
        ['non-payment', { text: 'our tenant was suspended because an invoice was not paid, everyone is locked out', category: 'commercial', product: 'unknown', kind: null }, 'access-disabled-non-payment'],
        ['invoice', { text: 'I have a question about a line on my invoice', category: 'commercial', product: 'unknown', kind: null }, 'billing-invoice-questions'],
        ['MFA', { text: 'lost my phone and cannot complete the MFA prompt with the Authenticator app', category: 'technical', product: 'ems', kind: 'break-fix' }, 'mfa-problems'],
        ['Dynamics access', { text: 'users get you do not have access to this environment when opening Dynamics 365 Sales', category: 'technical', product: 'dynamics365', kind: 'break-fix' }, 'dynamics-365-access'],
        ['licences', { text: 'we need to add 5 more licences to our subscription', category: 'commercial', product: 'microsoft365', kind: null }, 'add-remove-licences'],
    ];
    for (const [name, query, expected] of cases) {
        it(`ranks ${expected} first for a ${name} question`, () => {
            assert.equal(index.rank(query)[0]?.article.id, expected);
        });
    }

    it('never offers a commercial article for a technical issue, or the reverse', () => {
        const technical = index.rank({ text: 'invoice billing payment', category: 'technical', product: 'azure', kind: 'break-fix' }, 5);
        assert.ok(technical.every((r) => r.article.category === 'technical'));
        const commercial = index.rank({ text: 'outlook mail flow error', category: 'commercial', product: 'microsoft365', kind: null }, 5);
        assert.ok(commercial.every((r) => r.article.category === 'commercial'));
    });

    it('returns nothing for text unrelated to any article, and survives hostile input', () => {
        assert.deepEqual(index.rank({ text: 'zzzz qqqq', category: 'technical', product: 'azure', kind: 'break-fix' }), []);
        assert.doesNotThrow(() => index.rank({ text: '\u0000'.repeat(10_000) + '${x}'.repeat(1000), category: 'technical', product: 'unknown', kind: null }));
    });

    it('rejects a malformed article file with its name and the field', () => {
        assert.throws(() => parseArticle('bad.md', '---\nid: bad\ntitle: x\n---\nbody', 'en'), (err: Error) => err instanceof ArticleFormatError && /bad\.md/.test(err.message));
        assert.throws(() => parseArticle('x.md', 'no front matter', 'en'), ArticleFormatError);
    });
});
