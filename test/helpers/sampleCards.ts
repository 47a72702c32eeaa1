import path from 'node:path';
import { renderAgentCard, renderGuidanceCard, renderInfoCard, renderQuestionCard, renderWelcomeCard, type RenderedCard } from '../../cards';
import { welcomeContent } from '../../src/bot/welcomeContent';
import { loadConfig } from '../../src/config';
import { GuidanceLibrary } from '../../src/guidance/guidanceLibrary';
import { translator } from '../../src/i18n/i18n';
import { loadPartnerProfile } from '../../src/partner/partnerProfile';
import { projectRoot } from '../../src/paths';
import type { Language } from '../../src/policy/types';

export interface SampleCard {
    name: string;
    card: RenderedCard;
    /** The labels of its label/value pairs, which must stay whole and within two lines. */
    labels: string[];
}

let guidance: GuidanceLibrary | undefined;

/**
 * Every card template as the bot fills it, in one language, with the catalogue's real labels
 * (the longest ones the dialogs use) and realistic values: what the browser test lays out.
 */
export function sampleCards(language: Language): SampleCard[] {
    const t = translator(language);
    const partner = loadPartnerProfile(loadConfig({})).profile;
    guidance ??= GuidanceLibrary.fromDirectory(path.join(projectRoot(), 'content', 'guidance'));
    const impacts = (['critical', 'moderate', 'minimal'] as const).map((i) => ({ title: t(`label.impact.${i}`), value: t(`impact.${i}`) }));
    const summary = [
        { title: t('field.issue'), value: 'Outlook is not receiving any emails since this morning' },
        { title: t('field.category'), value: t('label.category.technical') },
        { title: t('field.product'), value: t('label.product.microsoft365') },
        { title: t('field.kind'), value: t('label.kind.break-fix') },
        { title: t('field.severity'), value: 'A' },
        { title: t('field.due'), value: '23/11/2026 12:00 (Europe/Madrid)' },
        { title: t('field.name'), value: 'Alex Kim' },
        { title: t('field.email'), value: 'alex.kim@fabrikam.example' },
        { title: t('field.organisation'), value: 'Fabrikam Ltd' },
        { title: t('field.supportPlan'), value: '1234567' },
        { title: t('field.incident'), value: 'Users can’t receive email in Exchange Online (EX123456)' },
    ];
    const health = [
        { title: t('field.incident'), value: 'Users can’t receive email in Exchange Online (EX123456)' },
        { title: t('field.affectedService'), value: 'Exchange Online' },
        { title: t('field.status'), value: t('serviceHealth.status.serviceDegradation') },
        { title: t('field.lastUpdate'), value: '23/11/2026 09:40' },
    ];
    const welcome = welcomeContent(partner, language);
    const articles = ['mail-flow-problems', 'assign-licences-users'].flatMap((id) => guidance?.article(language, id) ?? []);
    const choices = (keys: string[]) => keys.map((k, i) => ({ value: String(i), title: t(k) }));
    return [
        { name: 'terms', card: renderWelcomeCard(welcome), labels: welcome.contacts.map((c) => c.label) },
        {
            name: 'impact',
            card: renderQuestionCard({ prompt: 'impact', intake: 'i', facts: impacts, question: t('impact.ask'), choices: impacts.map((f, i) => ({ value: String(i), title: f.title })) }),
            labels: impacts.map((f) => f.title),
        },
        {
            name: 'understood',
            card: renderQuestionCard({ prompt: 'intake-confirm', intake: 'i', title: t('intake.understoodTitle'), facts: summary.slice(1, 4), question: t('intake.confirmQuestion'), choices: choices(['intake.confirmYes', 'intake.confirmCorrect']) }),
            labels: summary.slice(1, 4).map((f) => f.title),
        },
        {
            name: 'summary',
            card: renderQuestionCard({ prompt: 'escalation-confirm', intake: 'i', title: t('escalation.summaryTitle'), facts: summary, question: t('escalation.partnerDesk'), choices: choices(['escalation.confirm', 'escalation.edit', 'escalation.cancel']) }),
            labels: summary.map((f) => f.title),
        },
        {
            name: 'service-health',
            card: renderQuestionCard({ prompt: 'service-health-proceed', intake: 'i', title: t('serviceHealth.title'), facts: health, question: t('serviceHealth.question'), choices: choices(['serviceHealth.continue', 'serviceHealth.stop']) }),
            labels: health.map((f) => f.title),
        },
        {
            name: 'guidance',
            card: renderGuidanceCard({
                prompt: 'guidance',
                intake: 'i',
                intro: t('guidance.intro', { count: articles.length }),
                showSteps: t('guidance.showSteps'),
                articles: articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary, body: a.body })),
                question: t('guidance.question'),
                choices: choices(['guidance.yes', 'guidance.no']),
            }),
            labels: [],
        },
        {
            name: 'ticket',
            card: renderInfoCard({ title: `${t('field.number')} SR-2026-000123`, text: t('escalation.createdSeverity', { number: 'SR-2026-000123', severity: 'A', due: '12:00' }), facts: summary.slice(4, 6).concat(summary.slice(2, 3)) }),
            labels: summary.slice(4, 6).concat(summary.slice(2, 3)).map((f) => f.title),
        },
        {
            name: 'rating',
            card: renderQuestionCard({ prompt: 'rating', intake: 'i', title: t('handoff.rateTitle'), question: t('handoff.rateQuestion', { agent: 'Maria' }), choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), title: t(`handoff.rate${n}`) })) }),
            labels: [],
        },
        {
            name: 'agent',
            card: renderAgentCard({
                title: 'SR-2026-000123 · Outlook is not receiving any emails',
                status: 'New · Severity A · due in 1 h 40 min',
                statusColor: 'Attention',
                facts: [
                    { title: 'Customer', value: 'Alex Kim' },
                    { title: 'Organisation', value: 'Fabrikam Ltd' },
                    { title: 'First response', value: '23/11/2026 10:20 (Maria)' },
                ],
                summary: 'Outlook is not receiving any emails since this morning.',
                lines: ['10:02 opened by the customer'],
                actions: [{ title: 'Assign to me', id: 'a1' }],
                input: { label: 'Reply or note', placeholder: 'Type here' },
            }),
            labels: ['Customer', 'Organisation', 'First response'],
        },
    ];
}
