import assert from 'node:assert/strict';
import { parseCardSubmission, renderGuidanceCard, renderInfoCard, renderQuestionCard, renderWelcomeCard } from '../../cards';
import { welcomeContent } from '../../src/bot/welcomeContent';
import { loadConfig } from '../../src/config';
import { loadPartnerProfile } from '../../src/partner/partnerProfile';

const content = (card: { attachment: { content?: unknown } }): Record<string, unknown> => card.attachment.content as Record<string, unknown>;

describe('Adaptive Card templates', () => {
    it('expand to Adaptive Card 1.5 with every placeholder filled', () => {
        const cards = [
            renderWelcomeCard(welcomeContent(loadPartnerProfile(loadConfig({})).profile, 'en')),
            renderQuestionCard({ prompt: 'p', intake: 'i', title: 'T', facts: [{ title: 'a', value: 'b' }], question: 'Q?', choices: [{ value: 'yes', title: 'Yes' }] }),
            renderGuidanceCard({ prompt: 'p', intake: 'i', intro: 'Try', showSteps: 'Show', articles: [{ id: 'a', title: 'A', summary: 'S', body: '1. Step' }], question: 'Q', choices: [{ value: 'yes', title: 'Y' }] }),
            renderInfoCard({ title: 'Ticket', text: 'Open', facts: [] }),
        ];
        for (const card of cards) {
            assert.equal(card.attachment.contentType, 'application/vnd.microsoft.card.adaptive');
            assert.equal(content(card).version, '1.5');
            assert.doesNotMatch(JSON.stringify(card.attachment.content), /\$\{/);
            assert.ok(card.fallbackText.length > 0);
        }
    });

    it('puts the prompt and intake into every button, so old cards are recognisable', () => {
        const card = renderQuestionCard({ prompt: 'impact', intake: 'abc', question: 'Q', choices: [{ value: 'critical', title: 'Critical' }] });
        const actions = content(card).actions as Array<{ data: unknown }>;
        assert.deepEqual(parseCardSubmission(actions[0]?.data), { csp: 1, prompt: 'impact', choice: 'critical', intake: 'abc' });
    });

    it('shows text typed by a customer literally, even when it looks like a template expression', () => {
        const card = renderInfoCard({ title: 'x', text: 'my name is ${jndi:ldap://x} <script>', facts: [{ title: 'n', value: '${$root.title}' }] });
        const json = JSON.stringify(card.attachment.content);
        assert.match(json, /my name is \$\\u200b\{jndi|my name is \$\u200b\{jndi/);
    });

    it('rejects submissions that are not ours', () => {
        assert.equal(parseCardSubmission(undefined), undefined);
        assert.equal(parseCardSubmission({ csp: 2, prompt: 'x', choice: 'y', intake: 'z' }), 'invalid');
        assert.equal(parseCardSubmission('string'), 'invalid');
        assert.equal(parseCardSubmission({ csp: 1, prompt: 'x'.repeat(100), choice: 'y', intake: 'z' }), 'invalid');
    });
});
