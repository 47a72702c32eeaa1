import { TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardChoice } from '../cards';
import { translator, type Translate } from '../src/i18n/i18n';
import { CATEGORIES, KINDS, PRODUCTS, type Category, type Kind, type Product } from '../src/policy/types';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt } from './cardPrompt';
import type { CaseDraft, ClassifiedCase } from './caseDraft';
import type { DialogServices } from './dialogServices';
import { RECOGNIZERS } from './recognizers';

export const INTAKE_DIALOG = 'intakeDialog';
const WATERFALL = 'intakeWaterfall';
const DESCRIPTION_PROMPT = 'intakeDescriptionPrompt';
const CHOICE_PROMPT = 'intakeChoicePrompt';

type Field = CaseDraft['toAsk'][number];

/**
 * Gets the problem in the customer's words, classifies it, asks for what the classifier
 * could not tell, shows what it understood and lets the customer correct it.
 * Options: a CaseDraft (description optional). Result: a ClassifiedCase.
 */
export class IntakeDialog extends CancelAndHelpDialog {
    constructor(services: DialogServices) {
        super(INTAKE_DIALOG, services);
        this.addDialog(new TextPrompt(DESCRIPTION_PROMPT, (p) => this.validateDescription(p)))
            .addDialog(new CardPrompt(CHOICE_PROMPT, RECOGNIZERS))
            .addDialog(
                new WaterfallDialog(WATERFALL, [
                    this.describeStep.bind(this),
                    this.classifyStep.bind(this),
                    this.askFieldStep.bind(this),
                    this.confirmStep.bind(this),
                    this.finishStep.bind(this),
                ]),
            );
        this.initialDialogId = WATERFALL;
    }

    private async describeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        if (draft.description) return step.next(draft.description);
        return step.prompt(DESCRIPTION_PROMPT, { prompt: translator(draft.language)('intake.askDescription'), retryPrompt: translator(draft.language)('intake.tooShort') });
    }

    private async classifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        if (draft.category) return step.next();
        draft.description = String(step.result).trim();
        const c = await this.services.classifier.classify(draft.description);
        const sure = (confidence: number): boolean => confidence >= this.services.minConfidence;
        draft.category = c.category.label;
        draft.product = c.product.label;
        draft.kind = draft.category === 'technical' ? c.kind.label : null;
        draft.statedSeverity = c.severity && sure(c.severity.confidence) ? c.severity.label : null;
        draft.toAsk = [];
        if (!sure(c.category.confidence)) draft.toAsk.push('category');
        if (c.product.label === 'unknown' || !sure(c.product.confidence)) draft.toAsk.push('product');
        if (!sure(c.kind.confidence)) draft.toAsk.push('kind');
        return step.next();
    }

    private async askFieldStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        // Kind only matters for technical issues; the category may have just been answered.
        if (draft.toAsk[0] === 'kind' && draft.category !== 'technical') draft.toAsk.shift();
        const field = draft.toAsk[0];
        if (!field) return step.next();
        const t = translator(draft.language);
        const { question, choices } = this.fieldQuestion(field, t);
        return step.prompt(CHOICE_PROMPT, CardPrompt.options({ language: draft.language, recognizer: field, card: 'question', data: { prompt: `intake-${field}`, intake: draft.intakeId, question, choices } }));
    }

    private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        const field = draft.toAsk[0];
        if (field && typeof step.result === 'string') {
            this.setField(draft, field, step.result);
            draft.toAsk.shift();
            if (draft.toAsk.length > 0) return step.replaceDialog(WATERFALL, draft);
        }
        if (draft.category === 'commercial') draft.kind = null;
        if (draft.confirmed) return step.endDialog(draft as ClassifiedCase);
        const t = translator(draft.language);
        return step.prompt(
            CHOICE_PROMPT,
            CardPrompt.options({
                language: draft.language,
                recognizer: 'confirmCase',
                card: 'question',
                data: {
                    prompt: 'intake-confirm',
                    intake: draft.intakeId,
                    title: t('intake.understoodTitle'),
                    facts: this.facts(draft, t),
                    question: t('intake.confirmQuestion'),
                    choices: [
                        { value: 'yes', title: t('intake.confirmYes') },
                        { value: 'correct', title: t('intake.confirmCorrect') },
                    ],
                },
            }),
        );
    }

    private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        draft.confirmed = true;
        if (step.result === 'correct') {
            draft.toAsk = ['category', 'product', 'kind'];
            return step.replaceDialog(WATERFALL, draft);
        }
        return step.endDialog(draft as ClassifiedCase);
    }

    private fieldQuestion(field: Field, t: Translate): { question: string; choices: CardChoice[] } {
        const labels = (values: readonly string[], prefix: string): CardChoice[] => values.map((value) => ({ value, title: t(`${prefix}.${value}`) }));
        if (field === 'category') return { question: t('intake.askCategory'), choices: labels(CATEGORIES, 'label.category') };
        if (field === 'product') return { question: t('intake.askProduct'), choices: labels(PRODUCTS, 'label.product') };
        return { question: t('intake.askKind'), choices: labels(KINDS, 'label.kind') };
    }

    private setField(draft: CaseDraft, field: Field, value: string): void {
        if (field === 'category') draft.category = value as Category;
        else if (field === 'product') draft.product = value as Product;
        else draft.kind = value as Kind;
    }

    private facts(draft: CaseDraft, t: Translate): Array<{ title: string; value: string }> {
        const facts = [
            { title: t('field.category'), value: t(`label.category.${draft.category}`) },
            { title: t('field.product'), value: t(`label.product.${draft.product}`) },
        ];
        if (draft.category === 'technical' && draft.kind) facts.push({ title: t('field.kind'), value: t(`label.kind.${draft.kind}`) });
        return facts;
    }

    private async validateDescription(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const text = (prompt.recognized.value ?? '').trim();
        return /[\p{L}\p{N}]/u.test(text) && text.length >= 3;
    }
}
