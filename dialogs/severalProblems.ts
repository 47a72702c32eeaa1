import type { TurnContext } from 'botbuilder';
import type { BotServices } from '../src/bot/botServices';
import { titleOf } from '../src/cases/caseDraft';
import { translator } from '../src/i18n/i18n';
import type { Language } from '../src/policy/types';
import { withoutOpening } from '../src/understanding/messageSegments';
import { splitProblems } from '../src/understanding/problemSplitter';

/**
 * When a description tells several different problems, says so ("I see 2 things here: … and …")
 * and keeps all but the first for later (each gets its own outcome); returns the first. Used
 * wherever the customer first describes their case: in the opening message, or in answer to
 * "what can I help you with?".
 */
export async function firstOfSeveral(context: TurnContext, services: BotServices, language: Language, description: string): Promise<string> {
    if (!description) return description;
    const parts = await splitProblems(description, (text) => services.classifier.classify(text), services.minConfidence, services.intents?.severalProblems(description));
    if (parts.length < 2) return description;
    const t = translator(language);
    const session = await services.session.get(context, {});
    // The later problems start where they are told, without the words that joined them ("and another thing:").
    session.pendingProblems = [...parts.slice(1).map((p) => p.body), ...(session.pendingProblems ?? [])];
    const quoted = parts.map((p) => `“${titleOf(withoutOpening(p.body))}”`);
    const problems = `${quoted.slice(0, -1).join(', ')}${t('prompt.and')}${quoted.at(-1) ?? ''}`;
    await context.sendActivity(t('intake.twoProblems', { count: parts.length, problems }));
    return (parts[0] as { text: string }).text;
}
