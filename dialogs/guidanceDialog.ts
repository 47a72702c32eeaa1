import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { translator } from '../src/i18n/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { ClassifiedCase } from './caseDraft';
import type { DialogServices } from './dialogServices';
import { RECOGNIZERS } from './recognizers';

export const GUIDANCE_DIALOG = 'guidanceDialog';
const WATERFALL = 'guidanceWaterfall';
const SOLVED_PROMPT = 'guidanceSolvedPrompt';

/** What the guidance step ends with. */
export interface GuidanceOutcome {
    resolved: boolean;
    articleIds: string[];
}

/**
 * Offers the best matching guidance articles and asks whether they solved the problem.
 * Options: a ClassifiedCase. Result: a GuidanceOutcome (no articles → not resolved, no question).
 */
export class GuidanceDialog extends CancelAndHelpDialog {
    constructor(services: DialogServices) {
        super(GUIDANCE_DIALOG, services);
        this.addDialog(new CardPrompt(SOLVED_PROMPT, RECOGNIZERS)).addDialog(new WaterfallDialog(WATERFALL, [this.offerStep.bind(this), this.answerStep.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as ClassifiedCase;
        const ranked = this.services.guidance.rank({ text: draft.description, category: draft.category, product: draft.product, kind: draft.kind }, 2);
        const articleIds = ranked.map((r) => r.article.id);
        (step.values as { articleIds?: string[] }).articleIds = articleIds;
        if (ranked.length === 0) return step.endDialog({ resolved: false, articleIds } satisfies GuidanceOutcome);
        const t = translator(draft.language);
        return step.prompt(
            SOLVED_PROMPT,
            CardPrompt.options({
                language: draft.language,
                recognizer: 'yesNo',
                card: 'guidance',
                data: {
                    prompt: 'guidance-solved',
                    intake: draft.intakeId,
                    intro: t('guidance.intro', { count: ranked.length }),
                    showSteps: t('guidance.showSteps'),
                    articles: ranked.map(({ article }) => ({ id: article.id, title: article.title, summary: article.summary, body: article.body })),
                    question: t('guidance.question'),
                    choices: [
                        { value: 'yes', title: t('guidance.yes') },
                        { value: 'no', title: t('guidance.no') },
                    ],
                },
            }),
        );
    }

    private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const articleIds = (step.values as { articleIds?: string[] }).articleIds ?? [];
        return step.endDialog({ resolved: step.result === 'yes', articleIds } satisfies GuidanceOutcome);
    }
}
