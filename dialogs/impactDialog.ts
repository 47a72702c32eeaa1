import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit';
import { translator } from '../src/i18n/i18n';
import { impactToSeverity } from '../src/policy/severity';
import { IMPACTS, type Impact } from '../src/policy/types';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { ClassifiedCase } from '../src/cases/caseDraft';
import type { BotServices } from '../src/bot/botServices';
import { applyDueTime, soonerInEnglish } from '../src/cases/dueTimeText';
import { displayZoneOf } from '../src/bot/turnHelpers';
import { key } from '../src/i18n/text';

export const IMPACT_DIALOG = 'impactDialog';
const WATERFALL = 'impactWaterfall';
const IMPACT_PROMPT = 'impactPrompt';
const ENGLISH_PROMPT = 'impactEnglishPrompt';

/**
 * Asks a technical break-fix case for its business impact (buttons or free text), sets
 * severity A/B/C and tells the customer when the first response is due. A Severity A case
 * in another language is offered English support, whose clock runs around the clock.
 * Options and result: a ClassifiedCase (the result with impact, severity and due time).
 */
export class ImpactDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(IMPACT_DIALOG, services);
        this.addDialog(this.cardPrompt(IMPACT_PROMPT))
            .addDialog(this.cardPrompt(ENGLISH_PROMPT))
            .addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.severityStep.bind(this), this.englishStep.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        return step.prompt(
            IMPACT_PROMPT,
            CardPrompt.options({
                card: 'question',
                prompt: 'impact',
                intake: draft.intakeId,
                recognizer: 'impact',
                facts: IMPACTS.map((impact) => ({ title: key(`label.impact.${impact}`), value: key(`impact.${impact}`) })),
                question: key('impact.ask'),
                choices: IMPACTS.map((impact) => ({ value: impact, title: key(`label.impact.${impact}`) })),
            }),
        );
    }

    private async severityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        draft.language = await this.language(step.context);
        draft.impact = step.result as Impact;
        draft.severity = impactToSeverity(draft.impact);
        const due = applyDueTime(draft, this.services.partner, this.services.now(), displayZoneOf(step.context, this.services));
        await step.context.sendActivity(translator(draft.language)('impact.severity', { severity: draft.severity, due }));
        // English is offered only when the partner's English commitment answers sooner than the customer's language would.
        const englishHours = draft.severity === 'A' ? soonerInEnglish(draft, this.services.partner, this.services.now()) : undefined;
        if (englishHours === undefined) return step.endDialog(draft);
        return step.prompt(ENGLISH_PROMPT, CardPrompt.yesNo('impact-english', draft.intakeId, { question: 'impact.offerEnglish', yes: 'impact.offerEnglishYes', no: 'impact.offerEnglishNo' }, { count: englishHours, hours: englishHours }));
    }

    private async englishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        if (step.result !== 'yes') return step.endDialog(draft);
        const profile = await this.services.customerProfile.get(step.context, {});
        profile.language = 'en';
        profile.languageChosen = true;
        draft.language = 'en';
        const due = applyDueTime(draft, this.services.partner, this.services.now(), displayZoneOf(step.context, this.services));
        await step.context.sendActivity(translator('en')('impact.switchedToEnglish', { due }));
        return step.endDialog(draft);
    }
}
