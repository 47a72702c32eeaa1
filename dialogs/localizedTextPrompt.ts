import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidator } from '../src/bot/dialogKit';
import { translator } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { render, type Text } from '../src/i18n/text';
import type { PersonAvailability } from './cardPrompt';

/** What a LocalizedTextPrompt asks, kept in dialog state as catalogue keys. */
export interface TextQuestion {
    prompt: Text;
    retry: Text;
}

/**
 * A TextPrompt whose question is rendered in the customer's language at the moment it is
 * asked. After a second missed answer the retry also offers a person (or says when the desk
 * opens), so the customer never meets the same re-prompt in a loop.
 */
export class LocalizedTextPrompt extends TextPrompt {
    constructor(
        dialogId: string,
        validator: PromptValidator<string>,
        private readonly languageOf: (context: TurnContext) => Promise<Language>,
        private readonly personAvailability?: (context: TurnContext) => Promise<PersonAvailability>,
    ) {
        super(dialogId, validator);
    }

    static options(question: TextQuestion): PromptOptions {
        return { validations: question };
    }

    protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const question = options.validations as TextQuestion;
        const t = translator(await this.languageOf(context));
        if (!isRetry) return void (await context.sendActivity(render(question.prompt, t)));
        const promptState = state as { misses?: number };
        promptState.misses = (promptState.misses ?? 0) + 1;
        const availability = promptState.misses >= 2 ? await this.personAvailability?.(context) : undefined;
        const offer = !availability ? '' : availability.available ? t('prompt.stuckTyped') : availability.opensAt ? t('prompt.stuckClosed', { next: availability.opensAt }) : '';
        await context.sendActivity([render(question.retry, t), offer].filter(Boolean).join('\n\n'));
    }
}
