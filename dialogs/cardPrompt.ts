import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { parseCardSubmission, renderGuidanceCard, renderInfoCard, renderQuestionCard, type RenderedCard } from '../cards';
import type { GuidanceLibrary } from '../src/guidance/guidanceLibrary';
import { translator, type Translate } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { normalizeText } from '../src/understanding/normalize';
import { key, render, type Text } from '../src/i18n/text';
import { cardsSupported, sendCard } from '../src/bot/turnHelpers';

/** Turns typed text into one of a question's choice values, or undefined. */
export type TextRecognizer = (text: string) => string | undefined;

export interface ChoiceSpec {
    value: string;
    title: Text;
}

/**
 * The question a CardPrompt asks, kept in dialog state as plain data: catalogue keys, not
 * rendered text, so it is shown in whatever language the customer uses when it is asked.
 */
export type CardQuestion = { prompt: string; intake: string; recognizer?: string; choices: ChoiceSpec[] } & (
    | { card: 'question'; title?: Text; facts?: Array<{ title: Text; value: Text }>; question: Text }
    | { card: 'guidance'; articleIds: string[] }
);

export interface CardPromptDependencies {
    recognizers: Record<string, TextRecognizer>;
    languageOf: (context: TurnContext) => Promise<Language>;
    guidance: GuidanceLibrary;
}

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
        private readonly deps: CardPromptDependencies,
    ) {
        super(dialogId);
    }

    /** Prompt options carrying a CardQuestion. */
    static options(question: CardQuestion): PromptOptions {
        return { validations: question };
    }

    /** A yes/no question from catalogue keys; typed answers are read by the yesNo recognizer. */
    static yesNo(prompt: string, intake: string, keys: { question: string; yes: string; no: string }): PromptOptions {
        return CardPrompt.options({
            card: 'question',
            prompt,
            intake,
            recognizer: 'yesNo',
            question: key(keys.question),
            choices: [
                { value: 'yes', title: key(keys.yes) },
                { value: 'no', title: key(keys.no) },
            ],
        });
    }

    protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const question = options.validations as CardQuestion;
        const language = await this.deps.languageOf(context);
        const t = translator(language);
        const promptState = state as CardPromptState;
        if (isRetry) {
            await context.sendActivity(promptState.staleClick ? t('prompt.staleCard') : t('prompt.choiceRetry'));
            promptState.staleClick = false;
        }
        await sendCard(context, this.renderCard(question, language, t));
    }

    protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
        const question = options.validations as CardQuestion;
        const { prompt, intake, choices } = question;
        const submission = parseCardSubmission(context.activity.value);
        if (submission !== undefined) {
            const fits = submission !== 'invalid' && submission.prompt === prompt && submission.intake === intake && choices.some((c) => c.value === submission.choice);
            if (fits) {
                await this.freezeCard(context, question, submission.choice);
                return { succeeded: true, value: submission.choice };
            }
            (state as CardPromptState).staleClick = submission !== 'invalid';
            return { succeeded: false };
        }
        const text = normalizeText(context.activity.text ?? '');
        if (!text) return { succeeded: false };
        const t = translator(await this.deps.languageOf(context));
        const byNumber = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
        const byTitle = choices.find((c) => normalizeText(render(c.title, t)) === text || normalizeText(c.value) === text);
        const recognized = question.recognizer ? this.deps.recognizers[question.recognizer]?.(context.activity.text ?? '') : undefined;
        const value = byNumber?.value ?? byTitle?.value ?? (choices.some((c) => c.value === recognized) ? recognized : undefined);
        return value === undefined ? { succeeded: false } : { succeeded: true, value };
    }

    /**
     * Replaces the answered card with a plain record of the answer, so its buttons cannot be
     * clicked again (Teams and Web Chat update it in place; other channels keep the card).
     */
    private async freezeCard(context: TurnContext, question: CardQuestion, value: string): Promise<void> {
        const cardId = context.activity.replyToId;
        if (!cardId || !cardsSupported(context.activity.channelId)) return;
        const t = translator(await this.deps.languageOf(context));
        const chosen = question.choices.find((c) => c.value === value);
        const title = question.card === 'question' ? render(question.title ?? question.question, t) : t('guidance.question');
        const card = renderInfoCard({ title, text: `✓ ${chosen ? render(chosen.title, t) : value}`, facts: [] });
        try {
            await context.updateActivity({ type: 'message', id: cardId, attachments: [card.attachment] });
        } catch {
            // A channel that cannot update messages keeps the old card; a second click is still harmless.
        }
    }

    private renderCard(question: CardQuestion, language: Language, t: Translate): RenderedCard {
        const choices = question.choices.map((c) => ({ value: c.value, title: render(c.title, t) }));
        if (question.card === 'question') {
            return renderQuestionCard({
                prompt: question.prompt,
                intake: question.intake,
                title: question.title ? render(question.title, t) : undefined,
                facts: (question.facts ?? []).map((f) => ({ title: render(f.title, t), value: render(f.value, t) })),
                question: render(question.question, t),
                choices,
            });
        }
        const articles = question.articleIds.flatMap((id) => this.deps.guidance.article(language, id) ?? []);
        return renderGuidanceCard({
            prompt: question.prompt,
            intake: question.intake,
            intro: t('guidance.intro', { count: articles.length }),
            showSteps: t('guidance.showSteps'),
            articles: articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary, body: a.body })),
            question: t('guidance.question'),
            choices,
        });
    }
}
