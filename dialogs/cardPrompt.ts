import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from '../src/bot/dialogKit';
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

/** Whether someone from the partner's desk could join now; else when the desk opens (formatted), if known. */
export type PersonAvailability = { available: true } | { available: false; opensAt?: string };

export interface CardPromptDependencies {
    recognizers: Record<string, TextRecognizer>;
    languageOf: (context: TurnContext) => Promise<Language>;
    guidance: GuidanceLibrary;
    /** Whether a person could join this customer now (offered after two missed answers). */
    personAvailability?: (context: TurnContext) => Promise<PersonAvailability>;
    /** Brings in a person; true when one is coming (the question is asked again when the customer is back). */
    bringInPerson?: (context: TurnContext) => Promise<boolean>;
}

/**
 * The choice a typed answer picks on a question: its number, its title, or whatever the
 * question's recognizer understands; undefined when the text is none of them.
 */
export function typedChoice(question: CardQuestion, typed: string, t: Translate, recognizers: Record<string, TextRecognizer>): string | undefined {
    const text = normalizeText(typed);
    if (!text) return undefined;
    const { choices } = question;
    const byNumber = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
    const byTitle = choices.find((c) => normalizeText(render(c.title, t)) === text || normalizeText(c.value) === text);
    const recognized = question.recognizer ? recognizers[question.recognizer]?.(typed) : undefined;
    return byNumber?.value ?? byTitle?.value ?? (choices.some((c) => c.value === recognized) ? recognized : undefined);
}

/** The choice added to a question the customer has missed twice, when a person can join. */
export const PERSON_CHOICE = 'person';

interface CardPromptState {
    staleClick?: boolean;
    /** Answers that were not one of the choices, in a row. */
    misses?: number;
    /** True once a person has been offered on this question. */
    personOffered?: boolean;
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
    static yesNo(prompt: string, intake: string, keys: { question: string; yes: string; no: string }, params?: Record<string, unknown>): PromptOptions {
        return CardPrompt.options({
            card: 'question',
            prompt,
            intake,
            recognizer: 'yesNo',
            question: key(keys.question, params),
            choices: [
                { value: 'yes', title: key(keys.yes) },
                { value: 'no', title: key(keys.no) },
            ],
        });
    }

    /**
     * Asks the question. A retry after a stale click says so; after a missed answer it restates
     * the question and its choices in words; after the second miss it also offers a person
     * (a choice on the card when one can join now, else when the desk opens).
     */
    protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const question = options.validations as CardQuestion;
        const language = await this.deps.languageOf(context);
        const t = translator(language);
        const promptState = state as CardPromptState;
        if (isRetry && promptState.staleClick) {
            await context.sendActivity(t('prompt.staleCard'));
            promptState.staleClick = false;
        } else if (isRetry) {
            promptState.misses = (promptState.misses ?? 0) + 1;
            const titles = question.choices.map((c) => `**${render(c.title, t)}**`);
            const choices = titles.length > 1 ? `${titles.slice(0, -1).join(', ')}${t('prompt.or')}${titles.at(-1)}` : (titles[0] ?? '');
            const restated = t('prompt.restate', { question: this.questionText(question, t), choices });
            const offer = promptState.misses >= 2 ? await this.personOffer(context, t, promptState) : '';
            await context.sendActivity([restated, offer].filter(Boolean).join('\n\n'));
        }
        await sendCard(context, this.renderCard(question, language, t, promptState.personOffered === true));
    }

    /** The sentence that offers a person after two misses (and marks the card to carry the choice), or says when the desk opens. */
    private async personOffer(context: TurnContext, t: Translate, state: CardPromptState): Promise<string> {
        const availability = await this.deps.personAvailability?.(context);
        if (!availability) return '';
        if (availability.available) {
            state.personOffered = true;
            return t('prompt.stuckPerson');
        }
        return availability.opensAt ? t('prompt.stuckClosed', { next: availability.opensAt }) : '';
    }

    private questionText(question: CardQuestion, t: Translate): string {
        return question.card === 'question' ? render(question.question, t) : t('guidance.question');
    }

    protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
        const question = options.validations as CardQuestion;
        const { prompt, intake, choices } = question;
        const submission = parseCardSubmission(context.activity.value);
        const promptState = state as CardPromptState;
        if (submission !== undefined && submission !== 'invalid' && promptState.personOffered && submission.prompt === prompt && submission.intake === intake && submission.choice === PERSON_CHOICE) {
            // A person is coming (or the customer is told when): nothing else is said, and the question waits.
            await this.deps.bringInPerson?.(context);
            return { succeeded: false };
        }
        if (submission !== undefined) {
            const fits = submission !== 'invalid' && submission.prompt === prompt && submission.intake === intake && choices.some((c) => c.value === submission.choice);
            if (fits) {
                await this.freezeCard(context, question, submission.choice);
                return { succeeded: true, value: submission.choice };
            }
            (state as CardPromptState).staleClick = submission !== 'invalid';
            return { succeeded: false };
        }
        const t = translator(await this.deps.languageOf(context));
        const value = typedChoice(question, context.activity.text ?? '', t, this.deps.recognizers);
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

    private renderCard(question: CardQuestion, language: Language, t: Translate, withPerson = false): RenderedCard {
        const choices = [...question.choices.map((c) => ({ value: c.value, title: render(c.title, t) })), ...(withPerson ? [{ value: PERSON_CHOICE, title: t('prompt.person') }] : [])];
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
