import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidator } from 'botbuilder-dialogs';
import { translator } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { render, type Text } from '../src/i18n/text';

/** What a LocalizedTextPrompt asks, kept in dialog state as catalogue keys. */
export interface TextQuestion {
    prompt: Text;
    retry: Text;
}

/** A TextPrompt whose question is rendered in the customer's language at the moment it is asked. */
export class LocalizedTextPrompt extends TextPrompt {
    constructor(
        dialogId: string,
        validator: PromptValidator<string>,
        private readonly languageOf: (context: TurnContext) => Promise<Language>,
    ) {
        super(dialogId, validator);
    }

    static options(question: TextQuestion): PromptOptions {
        return { validations: question };
    }

    protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const question = options.validations as TextQuestion;
        const t = translator(await this.languageOf(context));
        await context.sendActivity(render(isRetry ? question.retry : question.prompt, t));
    }
}
