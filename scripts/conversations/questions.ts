import type { ChannelActivity } from '../../test/fakes/fakeChannel';
import type { CatalogueMatcher } from './catalogueMatcher';

/** A button of one of the bot's question cards: its title and the Action.Submit data it posts. */
export interface CardButton {
    title: string;
    data: Record<string, unknown> & { prompt: string; choice: string };
}

/** What the bot is asking: a question card (by its prompt id) or a text question (by its catalogue key). */
export type Question = { kind: 'card'; prompt: string; card: ChannelActivity } | { kind: 'text'; key: string };

/** Text questions and their retries, by catalogue key, with the persona field that answers them. */
export const TEXT_QUESTIONS = {
    'escalation.askName': 'name',
    'escalation.invalidName': 'name',
    'escalation.askEmail': 'email',
    'escalation.invalidEmail': 'email',
    'escalation.askOrganisation': 'organisation',
    'escalation.invalidOrganisation': 'organisation',
    'ownTenant.ask': 'supportPlanId',
    'ownTenant.invalid': 'supportPlanId',
    'intake.askDescription': 'description',
    'intake.tooShort': 'description',
} as const;
export type TextAnswerField = (typeof TEXT_QUESTIONS)[keyof typeof TEXT_QUESTIONS];

/** The Action.Submit buttons of our question cards in one activity (cards without them are not questions). */
export function buttonsOf(activity: ChannelActivity): CardButton[] {
    return (activity.attachments ?? []).flatMap((a) =>
        ((a.content.actions ?? []) as Array<{ title?: string; data?: Record<string, unknown> }>).flatMap((action) => {
            const data = action.data;
            return data && typeof data.prompt === 'string' && typeof data.choice === 'string' ? [{ title: action.title ?? '', data: data as CardButton['data'] }] : [];
        }),
    );
}

/** What "yes" and "no" press on cards that have no button of that value ("No, let me correct it", "No, I'll wait for the fix"). */
const ALIASES: Record<string, readonly string[]> = { yes: ['continue'], no: ['correct', 'stop'] };

/** The button posting `value` on a card, or the card's own yes/no button for it. */
export function buttonFor(card: ChannelActivity, value: string): CardButton | undefined {
    const buttons = buttonsOf(card);
    return buttons.find((b) => b.data.choice === value) ?? buttons.find((b) => ALIASES[value]?.includes(b.data.choice));
}

/** The last question among the bot's replies to one turn, if it asked one. */
export function latestQuestion(replies: readonly ChannelActivity[], catalogue: CatalogueMatcher): Question | undefined {
    for (const activity of [...replies].reverse()) {
        const [first] = buttonsOf(activity);
        if (first) return { kind: 'card', prompt: first.data.prompt, card: activity };
        const key = activity.text ? catalogue.whichOf(activity.text, Object.keys(TEXT_QUESTIONS)) : undefined;
        if (key) return { kind: 'text', key };
    }
    return undefined;
}
