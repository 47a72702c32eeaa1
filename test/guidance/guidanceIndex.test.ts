import assert from 'node:assert/strict';
import path from 'node:path';
import { parseArticle, loadArticles, ArticleFormatError } from '../../src/guidance/articleLoader';
import { GuidanceIndex } from '../../src/guidance/guidanceIndex';
import { projectRoot } from '../../src/paths';
import type { Candidate, RankQuery } from '../../src/guidance/guidanceIndex';
import type { Language } from '../../src/policy/types';
import type { Article } from '../../src/guidance/article';
import { DEFAULT_OFFER_FLOOR, offerable } from '../../src/guidance/offerDecision';

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

    describe('relevance floor: an article is offered only when it answers the question', () => {
        const silent: Array<[string, RankQuery]> = [
            ['a Field Service work order template', { text: 'How do I create a work order template in Dynamics 365 Field Service?', category: 'technical', product: 'dynamics365', kind: 'advisory' }],
            ['AKS pods restarting', { text: 'Pods in our AKS cluster keep restarting with OOMKilled', category: 'technical', product: 'azure', kind: 'break-fix' }],
            ['a DevOps pipeline', { text: 'Our Azure DevOps pipeline fails when pushing images to the container registry', category: 'technical', product: 'azure', kind: 'break-fix' }],
            ['Microsoft Forms receipts', { text: 'Can Microsoft Forms send respondents a copy of their answers by email?', category: 'technical', product: 'microsoft365', kind: 'advisory' }],
        ];
        for (const [name, query] of silent) {
            it(`offers nothing for ${name}, although articles share its product and some words`, () => {
                assert.ok(index.candidates(query).length > 0, 'the index does see candidates');
                assert.deepEqual(index.rank(query, 3), []);
            });
        }

        it('offers the mail authentication article for a DKIM question, and nothing about other services', () => {
            const ranked = index.rank({ text: "Our DKIM isn't signing outgoing mail for the new domain. How do I switch it on?", category: 'technical', product: 'microsoft365', kind: 'advisory' }, 3);
            assert.equal(ranked[0]?.article.id, 'mail-authentication-spf-dkim-dmarc');
        });

        it('never offers an article about other services than the question names', () => {
            const query: RankQuery = { text: 'Power BI scheduled refresh fails with a credentials error', category: 'technical', product: 'dynamics365', kind: 'break-fix' };
            assert.equal(index.rank(query)[0]?.article.id, 'power-bi-sharing-refresh');
            const mismatched = index.candidates(query).filter((c) => c.serviceFit === 'mismatch').map((c) => c.article.id);
            assert.ok(mismatched.includes('power-automate-flow-failures'));
            assert.ok(index.rank(query, 10).every((r) => !mismatched.includes(r.article.id)));
        });

        it('never offers an article about a sibling of the service the question names', () => {
            const proQuery: RankQuery = { text: 'Can staff use Copilot Pro they bought themselves on their work files?', category: 'technical', product: 'microsoft365', kind: 'advisory' };
            const copilot = index.candidates(proQuery).find((c) => c.article.id === 'copilot-not-available-or-no-answers');
            assert.equal(copilot?.serviceFit, 'mismatch', 'an article on Microsoft 365 Copilot does not answer for Copilot Pro');
            assert.deepEqual(index.rank(proQuery, 3), []);
            const breakout: RankQuery = { text: 'How do I turn on breakout rooms for our Teams meetings?', category: 'technical', product: 'microsoft365', kind: 'advisory' };
            assert.equal(index.candidates(breakout).find((c) => c.article.id === 'teams-rooms-sign-in')?.serviceFit, 'mismatch');
            assert.deepEqual(index.rank(breakout, 3), []);
            const rooms: RankQuery = { text: 'The Teams Rooms console in the boardroom says sign-in failed', category: 'technical', product: 'microsoft365', kind: 'break-fix' };
            assert.equal(index.rank(rooms)[0]?.article.id, 'teams-rooms-sign-in');
        });

        it('is not sure of an article that matches only the services a question names', () => {
            const query: RankQuery = { text: 'Intune: how do I set the Edge homepage on every company laptop?', category: 'technical', product: 'ems', kind: 'advisory' };
            const intune = index.candidates(query).filter((c) => c.article.id.startsWith('intune-'));
            assert.ok(intune.length >= 2, 'the Intune articles are candidates');
            for (const c of intune) assert.ok(c.askCoverage < c.coverage, `${c.article.id}: "Intune" counts for coverage, not for what is asked`);
            assert.deepEqual(index.rank(query, 3), []);
        });

        it('keeps silent when two articles match the question equally badly', () => {
            const half = (id: string, score: number): Candidate => ({ article: index.get(id) as Article, score, coverage: 0.2, askCoverage: 0.2, serviceFit: 'match' });
            assert.deepEqual(offerable([half('business-central-vat-setup', 270), half('business-central-environments-updates', 260)], DEFAULT_OFFER_FLOOR), []);
            const sure = { ...half('business-central-vat-setup', 270), coverage: 0.5, askCoverage: 0.5 };
            assert.equal(offerable([sure, half('business-central-environments-updates', 260)], DEFAULT_OFFER_FLOOR)[0]?.article.id, 'business-central-vat-setup');
        });
    });

    describe('sloppy questions in each language still get their article', () => {
        const sloppy: Array<[Language, string]> = [
            ['en', 'pls help, outlook keeps asking for the password, its been like this all day and i cant get in'],
            ['es', 'outlook me pide la contraseña todo el rato y no conecta, podeis ayudarme'],
            ['pt', 'o outlook tá pedindo a senha toda hora e não conecta, já tentei de tudo'],
            ['ru', 'щас аутлук постоянно спрашивает пароль и не подключается, что делать'],
        ];
        for (const [language, text] of sloppy) {
            it(`${language}: "${text.slice(0, 40)}..." gets the Outlook article first`, () => {
                const local = new GuidanceIndex(loadArticles(path.join(projectRoot(), 'content', 'guidance'), language), language);
                assert.equal(local.rank({ text, category: 'technical', product: 'microsoft365', kind: 'break-fix' })[0]?.article.id, 'outlook-cannot-connect');
            });
        }
    });

    it('rejects a malformed article file with its name and the field', () => {
        assert.throws(() => parseArticle('bad.md', '---\nid: bad\ntitle: x\n---\nbody', 'en'), (err: Error) => err instanceof ArticleFormatError && /bad\.md/.test(err.message));
        assert.throws(() => parseArticle('x.md', 'no front matter', 'en'), ArticleFormatError);
    });
});
