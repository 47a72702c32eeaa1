import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { translator } from '../src/i18n/i18n';
import { impactToSeverity } from '../src/policy/severity';
import { IMPACTS, type Impact } from '../src/policy/types';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { ClassifiedCase } from './caseDraft';
import type { DialogServices } from './dialogServices';
import { applyDueTime } from './dueTimeText';
import { RECOGNIZERS } from './recognizers';

export const IMPACT_DIALOG = 'impactDialog';
const WATERFALL = 'impactWaterfall';
const IMPACT_PROMPT = 'impactPrompt';

/**
 * Asks a technical break-fix case for its business impact (buttons or free text), sets
 * severity A/B/C and tells the customer when the first response is due.
 * Options and result: a ClassifiedCase (the result with impact, severity and due time).
 */
export class ImpactDialog extends CancelAndHelpDialog {
    constructor(services: DialogServices) {
        super(IMPACT_DIALOG, services);
        this.addDialog(new CardPrompt(IMPACT_PROMPT, RECOGNIZERS)).addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.severityStep.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        const t = translator(draft.language);
        return step.prompt(
            IMPACT_PROMPT,
            CardPrompt.options({
                language: draft.language,
                recognizer: 'impact',
                card: 'question',
                data: {
                    prompt: 'impact',
                    intake: draft.intakeId,
                    facts: IMPACTS.map((impact) => ({ title: t(`label.impact.${impact}`), value: t(`impact.${impact}`) })),
                    question: t('impact.ask'),
                    choices: IMPACTS.map((impact) => ({ value: impact, title: t(`label.impact.${impact}`) })),
                },
            }),
        );
    }

    private async severityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        draft.impact = step.result as Impact;
        draft.severity = impactToSeverity(draft.impact);
        const due = applyDueTime(step.context, this.services, draft);
        await step.context.sendActivity(translator(draft.language)('impact.severity', { severity: draft.severity, due }));
        return step.endDialog(draft);
    }
}
