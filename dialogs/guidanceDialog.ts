import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { ClassifiedCase } from '../src/cases/caseDraft';
import type { BotServices } from '../src/bot/botServices';
import { key } from '../src/i18n/text';

export const GUIDANCE_DIALOG = 'guidanceDialog';
const WATERFALL = 'guidanceWaterfall';
const SOLVED_PROMPT = 'guidanceSolvedPrompt';

/** What the guidance step ends with. */
export interface GuidanceOutcome {
    resolved: boolean;
    articleIds: string[];
    /** True when guidance was not looked for (the customer asked for a person). */
    skipped?: boolean;
}

/**
 * Offers the best matching guidance articles, ranked in the customer's language, and asks
 * whether they solved the problem. Options: a ClassifiedCase. Result: a GuidanceOutcome
 * (no articles → not resolved, and no question).
 */
export class GuidanceDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(GUIDANCE_DIALOG, services);
        this.addDialog(this.cardPrompt(SOLVED_PROMPT)).addDialog(new WaterfallDialog(WATERFALL, [this.offerStep.bind(this), this.answerStep.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        const language = await this.language(step.context);
        const ranked = this.services.guidance.rank(language, { text: draft.description, category: draft.category, product: draft.product, kind: draft.kind }, 2);
        const articleIds = ranked.map((r) => r.article.id);
        (step.values as { articleIds?: string[] }).articleIds = articleIds;
        if (ranked.length === 0) return step.endDialog({ resolved: false, articleIds } satisfies GuidanceOutcome);
        return step.prompt(
            SOLVED_PROMPT,
            CardPrompt.options({
                card: 'guidance',
                prompt: 'guidance-solved',
                intake: draft.intakeId,
                recognizer: 'yesNo',
                articleIds,
                choices: [
                    { value: 'yes', title: key('guidance.yes') },
                    { value: 'no', title: key('guidance.no') },
                ],
            }),
        );
    }

    private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const articleIds = (step.values as { articleIds?: string[] }).articleIds ?? [];
        return step.endDialog({ resolved: step.result === 'yes', articleIds } satisfies GuidanceOutcome);
    }
}
