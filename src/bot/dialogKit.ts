/**
 * The parts of botbuilder-dialogs the bot uses, each from its own file. The package's index
 * also loads the recognisers of every built-in prompt (numbers, dates, choices, in many
 * cultures) and adaptive expressions: about 24 MB resident that the bot never uses (its prompts
 * are cards and its own text prompt). Import dialogs from here, never from './dialogKit';
 * a lint rule keeps it so.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogTurnResult, type DialogInstance, type DialogReason } from 'botbuilder-dialogs/lib/dialog';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
export { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator, type PromptValidatorContext } from 'botbuilder-dialogs/lib/prompts/prompt';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt';
