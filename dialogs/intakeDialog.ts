import { WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from '../src/bot/dialogKit';
import { CATEGORIES, KINDS, PRODUCTS, type Category, type Kind, type Product } from '../src/policy/types';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { CardPrompt, type ChoiceSpec } from './cardPrompt';
import type { CaseDraft, ClassifiedCase } from '../src/cases/caseDraft';
import { contentWords, isVague } from '../src/cases/caseGaps';
import type { BotServices } from '../src/bot/botServices';
import { LocalizedTextPrompt } from './localizedTextPrompt';
import { firstOfSeveral } from './severalProblems';
import { languageOf } from '../src/bot/turnHelpers';
import { key, type Text } from '../src/i18n/text';

export const INTAKE_DIALOG = 'intakeDialog';
const WATERFALL = 'intakeWaterfall';
const DESCRIPTION_PROMPT = 'intakeDescriptionPrompt';
const DETAILS_PROMPT = 'intakeDetailsPrompt';
/** Follow-up questions for a vague description before the bot goes on with what it has. */
const MAX_CLARIFICATIONS = 2;
/** A typed answer with this many meaningful words also adds to the description. */
const DETAIL_WORDS = 3;
const CHOICE_PROMPT = 'intakeChoicePrompt';

type Field = CaseDraft['toAsk'][number];

const labels = (values: readonly string[], prefix: string): ChoiceSpec[] => values.map((value) => ({ value, title: key(`${prefix}.${value}`) }));
const FIELD_QUESTIONS: Record<Field, { question: Text; choices: ChoiceSpec[] }> = {
    category: { question: key('intake.askCategory'), choices: labels(CATEGORIES, 'label.category') },
    product: { question: key('intake.askProduct'), choices: labels(PRODUCTS, 'label.product') },
    kind: { question: key('intake.askKind'), choices: labels(KINDS, 'label.kind') },
};

/**
 * Gets the problem in the customer's words, classifies it, asks for what the classifier
 * could not tell, shows what it understood and lets the customer correct it.
 * Options: a CaseDraft (description optional). Result: a ClassifiedCase.
 */
export class IntakeDialog extends CancelAndHelpDialog {
    constructor(services: BotServices) {
        super(INTAKE_DIALOG, services);
        this.addDialog(this.textPrompt(DESCRIPTION_PROMPT, (p) => this.validateDescription(p)))
            .addDialog(this.textPrompt(DETAILS_PROMPT, (p) => this.validateDescription(p)))
            .addDialog(this.cardPrompt(CHOICE_PROMPT))
            .addDialog(
                new WaterfallDialog(WATERFALL, [
                    this.describeStep.bind(this),
                    this.clarifyStep.bind(this),
                    this.detailsStep.bind(this),
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
        if (draft.description) return step.next();
        return step.prompt(DESCRIPTION_PROMPT, LocalizedTextPrompt.options({ prompt: key('intake.askDescription'), retry: key('intake.tooShort') }));
    }

    /**
     * A description too vague to act on ("nothing works", "help, urgent!!") gets up to two
     * follow-up questions before anything is classified or promised; the answers are added to
     * the description, so the ticket shows them.
     */
    private async clarifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        // Told in answer to "what can I help you with?": it may tell several problems, as an opening message may.
        if (typeof step.result === 'string') draft.description = await firstOfSeveral(step.context, this.services, await languageOf(step.context, this.services), step.result.trim());
        if (draft.category || (draft.clarifications ?? 0) >= MAX_CLARIFICATIONS) return step.next();
        const classification = await this.services.classifier.classify(draft.description);
        if (!isVague(draft.description, classification, this.services.minConfidence)) return step.next();
        draft.clarifications = (draft.clarifications ?? 0) + 1;
        draft.vagueStart = draft.description;
        const question = draft.clarifications === 1 ? key('intake.askDetails') : key('intake.askMoreDetails');
        return step.prompt(DETAILS_PROMPT, LocalizedTextPrompt.options({ prompt: question, retry: key('intake.detailsRetry') }));
    }

    /** The answer to a follow-up question joins the description, which is checked again. */
    private async detailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        if (typeof step.result !== 'string') return step.next();
        draft.description = `${draft.description}\n${step.result.trim()}`;
        return step.replaceDialog(WATERFALL, draft);
    }

    private async classifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        if (draft.category) return step.next();
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
        this.applyForced(draft, c.kind.label);
        return step.next();
    }

    /** Labels the customer named in a correction win over the classifier and are not asked again. */
    private applyForced(draft: CaseDraft, kindGuess: Kind): void {
        const forced = draft.forced ?? {};
        if (forced.category) draft.category = forced.category;
        if (forced.product) draft.product = forced.product;
        if (forced.kind) draft.kind = forced.kind;
        else if (draft.category === 'technical' && !draft.kind) draft.kind = kindGuess;
        if (draft.category !== 'technical') draft.kind = null;
        draft.toAsk = draft.toAsk.filter((field) => !forced[field]);
    }

    private async askFieldStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        // Kind only matters for technical issues; the category may have just been answered.
        if (draft.toAsk[0] === 'kind' && draft.category !== 'technical') draft.toAsk.shift();
        const field = draft.toAsk[0];
        if (!field) return step.next();
        return step.prompt(CHOICE_PROMPT, CardPrompt.options({ card: 'question', prompt: `intake-${field}`, intake: draft.intakeId, recognizer: field, ...FIELD_QUESTIONS[field] }));
    }

    private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const draft = step.options as CaseDraft;
        const field = draft.toAsk[0];
        if (field && typeof step.result === 'string') {
            this.setField(draft, field, step.result);
            this.keepTypedDetails(step, draft);
            draft.toAsk.shift();
            if (draft.toAsk.length > 0) return step.replaceDialog(WATERFALL, draft);
        }
        if (draft.category === 'commercial') draft.kind = null;
        // A technical case always has a kind (and so, if broken, an impact and a severity), however it got here.
        if (draft.category === 'technical' && !draft.kind) {
            draft.toAsk = ['kind'];
            return step.replaceDialog(WATERFALL, draft);
        }
        if (draft.confirmed) return step.endDialog(draft as ClassifiedCase);
        return step.prompt(
            CHOICE_PROMPT,
            CardPrompt.options({
                card: 'question',
                prompt: 'intake-confirm',
                intake: draft.intakeId,
                recognizer: 'confirmCase',
                title: key('intake.understoodTitle'),
                facts: this.facts(draft),
                question: key('intake.confirmQuestion'),
                choices: [
                    { value: 'yes', title: key('intake.confirmYes') },
                    { value: 'correct', title: key('intake.confirmCorrect') },
                ],
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

    /** A typed answer that says more than the choice ("the azure VMs, our web server is down") adds to the description. */
    private keepTypedDetails(step: WaterfallStepContext, draft: CaseDraft): void {
        const { activity } = step.context;
        const typed = (activity.text ?? '').trim();
        if (!activity.value && contentWords(typed).length >= DETAIL_WORDS && !draft.description.includes(typed)) draft.description = `${draft.description}\n${typed}`;
    }

    /** An answer the customer chose; it also wins over the classifier if the case is looked at again (more details, a correction). */
    private setField(draft: CaseDraft, field: Field, value: string): void {
        const forced = { ...draft.forced };
        if (field === 'category') draft.category = forced.category = value as Category;
        else if (field === 'product') draft.product = forced.product = value as Product;
        else draft.kind = forced.kind = value as Kind;
        draft.forced = forced;
    }

    private facts(draft: CaseDraft): Array<{ title: Text; value: Text }> {
        const facts = [
            { title: key('field.category'), value: key(`label.category.${draft.category}`) },
            { title: key('field.product'), value: key(`label.product.${draft.product}`) },
        ];
        if (draft.category === 'technical' && draft.kind) facts.push({ title: key('field.kind'), value: key(`label.kind.${draft.kind}`) });
        return facts;
    }

    private async validateDescription(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const text = (prompt.recognized.value ?? '').trim();
        return /[\p{L}\p{N}]/u.test(text) && text.length >= 3;
    }
}
