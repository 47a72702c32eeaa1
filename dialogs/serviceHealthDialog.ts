import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit';
import type { ServiceHealthIssue } from '../src/integrations/graphServiceHealth';
import { displayZone, formatDueAt } from '../src/i18n/format';
import { translator } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { ClassifiedCase } from '../src/cases/caseDraft';
import type { BotServices } from '../src/bot/botServices';
import { key, raw, type Text } from '../src/i18n/text';
import { customerTimeZone } from '../src/bot/turnHelpers';

export const SERVICE_HEALTH_DIALOG = 'serviceHealthDialog';
const WATERFALL = 'serviceHealthWaterfall';
const PROCEED_PROMPT = 'serviceHealthProceedPrompt';

/** Graph statuses the catalogues name; others are shown as Graph spells them. */
const KNOWN_STATUSES = new Set([
    'investigating',
    'serviceDegradation',
    'serviceInterruption',
    'restoringService',
    'extendedRecovery',
    'verifyingService',
    'serviceRestored',
    'postIncidentReviewPublished',
    'falsePositive',
    'investigationSuspended',
    'mitigated',
    'confirmed',
    'reported',
]);

/** What the check ends with: whether to go on escalating, and the issue shown, if any. */
export interface ServiceHealthOutcome {
    proceed: boolean;
    issue?: { id: string; title: string };
}

/**
 * Checks Microsoft service health before a technical break-fix case is escalated (docs/PROGRAMME.md:
 * "check service health first"). When an open issue may explain the problem, shows its
 * title, status and last update and lets the customer open the ticket anyway or stop.
 * Options: a ClassifiedCase. Result: a ServiceHealthOutcome. Not configured, nothing found
 * or Graph unavailable: proceeds without a word.
 */
export class ServiceHealthDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(SERVICE_HEALTH_DIALOG, services);
        this.addDialog(this.cardPrompt(PROCEED_PROMPT)).addDialog(new WaterfallDialog(WATERFALL, [this.checkStep.bind(this), this.answerStep.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        const lookup = this.services.serviceHealth;
        if (!lookup || draft.category !== 'technical' || draft.kind !== 'break-fix') return step.endDialog({ proceed: true } satisfies ServiceHealthOutcome);
        const [issue] = (await lookup.openIssuesFor(draft.product, draft.description)) ?? [];
        if (!issue) return step.endDialog({ proceed: true } satisfies ServiceHealthOutcome);
        (step.values as { issue?: ServiceHealthOutcome['issue'] }).issue = { id: issue.id, title: issue.title };
        const language = await this.language(step.context);
        const zone = displayZone(customerTimeZone(step.context), this.services.partner.hours.timeZone);
        return step.prompt(
            PROCEED_PROMPT,
            CardPrompt.options({
                card: 'question',
                prompt: 'service-health-proceed',
                intake: draft.intakeId,
                title: key('serviceHealth.title'),
                facts: issueFacts(issue, zone, language),
                question: key('serviceHealth.question'),
                choices: [
                    { value: 'continue', title: key('serviceHealth.continue') },
                    { value: 'stop', title: key('serviceHealth.stop') },
                ],
            }),
        );
    }

    private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { issue } = step.values as { issue?: ServiceHealthOutcome['issue'] };
        if (step.result !== 'stop') return step.endDialog({ proceed: true, issue } satisfies ServiceHealthOutcome);
        await step.context.sendActivity(translator(await this.language(step.context))('serviceHealth.stopped'));
        return step.endDialog({ proceed: false, issue } satisfies ServiceHealthOutcome);
    }
}

function issueFacts(issue: ServiceHealthIssue, zone: string, language: Language): Array<{ title: Text; value: Text }> {
    return [
        { title: key('field.incident'), value: raw(`${issue.title} (${issue.id})`) },
        { title: key('field.affectedService'), value: raw(issue.service) },
        { title: key('field.status'), value: KNOWN_STATUSES.has(issue.status) ? key(`serviceHealth.status.${issue.status}`) : raw(issue.status) },
        ...(issue.lastUpdate ? [{ title: key('field.lastUpdate'), value: raw(formatDueAt(issue.lastUpdate, zone, language)) }] : []),
    ];
}
