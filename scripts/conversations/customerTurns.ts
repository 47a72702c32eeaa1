import type { ChannelActivity } from '../../test/fakes/fakeChannel';
import type { CatalogueMatcher } from './catalogueMatcher';
import type { ScriptTurn } from './conversationScript';
import type { ConversationSession } from './conversationSession';
import { buttonFor, buttonsOf, latestQuestion, TEXT_QUESTIONS, type Question } from './questions';

/** How many questions one `autopilot` turn answers at most. */
export const AUTOPILOT_STEPS = 15;

/** An answer the customer gives: text typed, or a button pressed on a given card. */
type Answer = { text: string } | { card: ChannelActivity; value: string } | { stop: string };

/**
 * Plays a script's turns against the bot, as the customer would: types, presses buttons on
 * the latest (or an older) card, and lets the persona answer routine questions.
 */
export class CustomerTurns {
    private replies: ChannelActivity[] = [];

    constructor(
        private readonly session: ConversationSession,
        private readonly catalogue: CatalogueMatcher,
    ) {}

    async play(turn: ScriptTurn): Promise<void> {
        if ('say' in turn) this.replies = await this.session.send({ text: turn.say }, turn.say);
        else if ('autopilot' in turn) await this.autopilot();
        else {
            const cards = this.session.botActivities.filter((a) => buttonsOf(a).length > 0);
            const value = 'click' in turn ? turn.click : turn.clickOld;
            const card = 'click' in turn ? cards.at(-1) : cards.find((c) => buttonFor(c, value));
            await this.answer(card ? { card, value } : { stop: `no card with a "${value}" button` });
        }
    }

    /** Answers whatever the bot asks until it asks nothing, the persona has no answer, or the step limit. */
    private async autopilot(): Promise<void> {
        for (let step = 0; step < AUTOPILOT_STEPS; step++) {
            const question = latestQuestion(this.replies, this.catalogue);
            if (!question) return;
            if (!(await this.answer(await this.answerTo(question)))) return;
        }
        this.session.note(`autopilot: still asked after ${AUTOPILOT_STEPS} answers`);
    }

    /** Sends an answer; false (and a note in the transcript) when there is none to send. */
    private async answer(answer: Answer): Promise<boolean> {
        if ('stop' in answer) {
            this.session.note(answer.stop);
            return false;
        }
        if ('text' in answer) {
            this.replies = await this.session.send({ text: answer.text }, answer.text);
            return true;
        }
        const button = buttonFor(answer.card, answer.value);
        if (!button) return this.answer({ stop: `no "${answer.value}" button on the latest card (${buttonsOf(answer.card)[0]?.data.prompt ?? '?'})` });
        this.replies = await this.session.send({ value: button.data, replyToId: answer.card.id }, `[presses "${button.title}" on ${button.data.prompt}${answer.card === this.latestCard() ? '' : ' (an older card)'}]`);
        return true;
    }

    private latestCard(): ChannelActivity | undefined {
        return this.session.botActivities.filter((a) => buttonsOf(a).length > 0).at(-1);
    }

    private async answerTo(question: Question): Promise<Answer> {
        const { persona } = this.session.script;
        if (question.kind === 'text') {
            const field = TEXT_QUESTIONS[question.key as keyof typeof TEXT_QUESTIONS];
            if (field === 'description') return { stop: 'autopilot: the bot asks for a description (the script must give it)' };
            const text = field === 'supportPlanId' ? (persona.supportPlanId ?? 'none') : persona[field];
            return { text };
        }
        const card = question.card;
        const fixed: Record<string, string> = {
            'intake-confirm': 'yes',
            impact: persona.impact,
            'impact-english': 'no',
            'guidance-solved': persona.solved ? 'yes' : 'no',
            'service-health-proceed': 'continue',
            'escalation-confirm': 'confirm',
            'handoff-offer': persona.wantsPerson ? 'yes' : 'no',
            'handoff-rating': String(persona.rating ?? 4),
        };
        const value = fixed[question.prompt] ?? (question.prompt.startsWith('intake-') ? await this.label(question.prompt.slice('intake-'.length)) : undefined);
        return value ? { card, value } : { stop: `autopilot: no answer for ${question.prompt}` };
    }

    /** The label the first expected ticket not yet created has for a field the bot asks about. */
    private async label(field: string): Promise<string | undefined> {
        const created = (await this.session.bot.tickets()).length;
        const next = this.session.script.expect.tickets[created];
        if (!next || (field !== 'category' && field !== 'product' && field !== 'kind')) return undefined;
        return next[field] ?? undefined;
    }
}
