import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { parseCardSubmission, renderGuidanceCard, renderQuestionCard, type GuidanceCardData, type QuestionCardData } from '../cards';
import { translator } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { normalizeText } from '../src/understanding/normalize';
import { sendCard } from './turnHelpers';

/** Turns typed text into one of a question's choice values, or undefined. */
export type TextRecognizer = (text: string) => string | undefined;

/**
 * The question a CardPrompt asks, kept in dialog state (so it must be plain data): the card
 * to show and, by name, the recognizer that reads a typed answer.
 */
export type CardQuestion = { language: Language; recognizer?: string } & (
    | { card: 'question'; data: QuestionCardData }
    | { card: 'guidance'; data: GuidanceCardData }
);

interface CardPromptState {
    staleClick?: boolean;
}

/**
 * Asks a question as an Adaptive Card with one button per answer, and accepts either a click
 * on that very card (older cards are recognised and ignored) or a typed answer: the choice's
 * number, its title, or whatever the named recognizer understands.
 */
export class CardPrompt extends Prompt<string> {
    constructor(
        dialogId: string,
        private readonly recognizers: Record<string, TextRecognizer> = {},
    ) {
        super(dialogId);
    }

    /** Prompt options carrying a CardQuestion. */
    static options(question: CardQuestion): PromptOptions {
        return { validations: question };
    }

    protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const question = options.validations as CardQuestion;
        const t = translator(question.language);
        const promptState = state as CardPromptState;
        if (isRetry) {
            await context.sendActivity(promptState.staleClick ? t('prompt.staleCard') : t('prompt.choiceRetry'));
            promptState.staleClick = false;
        }
        await sendCard(context, question.card === 'question' ? renderQuestionCard(question.data) : renderGuidanceCard(question.data));
    }

    protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
        const question = options.validations as CardQuestion;
        const { prompt, intake, choices } = question.data;
        const submission = parseCardSubmission(context.activity.value);
        if (submission !== undefined) {
            const fits = submission !== 'invalid' && submission.prompt === prompt && submission.intake === intake && choices.some((c) => c.value === submission.choice);
            if (fits) return { succeeded: true, value: submission.choice };
            (state as CardPromptState).staleClick = submission !== 'invalid';
            return { succeeded: false };
        }
        const text = normalizeText(context.activity.text ?? '');
        if (!text) return { succeeded: false };
        const byNumber = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
        const byTitle = choices.find((c) => normalizeText(c.title) === text || normalizeText(c.value) === text);
        const recognizer = question.recognizer ? this.recognizers[question.recognizer] : undefined;
        const recognized = recognizer?.(context.activity.text ?? '');
        const value = byNumber?.value ?? byTitle?.value ?? (choices.some((c) => c.value === recognized) ? recognized : undefined);
        return value === undefined ? { succeeded: false } : { succeeded: true, value };
    }
}
