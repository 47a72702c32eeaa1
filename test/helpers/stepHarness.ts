import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { LocalizedTextPrompt } from '../../dialogs/localizedTextPrompt';
import type { BotServices, CustomerProfileState, SessionState } from '../../src/bot/botServices';
import { createMessageTurn } from '../../src/bot/messageTurn';
import type { MessageStep, MessageTurn, StepResult } from '../../src/bot/steps/messageStep';
import { languageOf } from '../../src/bot/turnHelpers';
import { key } from '../../src/i18n/text';
import type { OpenDatabase } from '../../src/store/database';
import { dialogRig, shown } from './dialogHarness';

/** The test conversation's only dialog: it asks the customer's name (a catalogue key), then thanks them. */
export const QUESTION_DIALOG = 'question';
const NAME_PROMPT = 'questionName';

/** What one message did, as the customer and the bot's state see it after the step. */
export interface StepRun {
    result: StepResult;
    /** What the customer saw, one string per reply. */
    replies: string[];
    profile: CustomerProfileState;
    session: SessionState;
    /** True while a dialog still waits for an answer. */
    waiting: boolean;
    turnState: TurnContext['turnState'];
}

export interface StepRig {
    services: BotServices;
    database: OpenDatabase;
    /** Runs one message (default: typed "hello" in conversation Convo1 on channel 'test') through `step`, and saves the state. */
    run(step: MessageStep, activity?: Partial<Activity>): Promise<StepRun>;
    /** Starts the pending question (QUESTION_DIALOG) in the conversation; returns what was asked. */
    ask(activity?: Partial<Activity>): Promise<string[]>;
    /** Stores what the bot already knows of the customer and the conversation. */
    given(state: { profile?: CustomerProfileState; session?: SessionState }, activity?: Partial<Activity>): Promise<void>;
}

function stepOf(name: string, handle: (turn: MessageTurn) => Promise<unknown>): MessageStep {
    return { name, handle: async (turn) => (await handle(turn), 'handled') };
}

/**
 * Real services (dialogRig: in-memory SQLite, the example partner) with conversation and user
 * state over one MemoryStorage, and turns built by the bot's own createMessageTurn on
 * botbuilder's TestAdapter, so a step sees exactly what it sees in the bot.
 */
export async function stepRig(overrides: Partial<BotServices> = {}): Promise<StepRig> {
    const rig = await dialogRig({ classifier: overrides.classifier });
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const services: BotServices = {
        ...rig.services,
        session: conversationState.createProperty<SessionState>('session'),
        customerProfile: userState.createProperty<CustomerProfileState>('customerProfile'),
        ...overrides,
    };
    const question = new WaterfallDialog(QUESTION_DIALOG, [
        (step) => step.prompt(NAME_PROMPT, LocalizedTextPrompt.options({ prompt: key('escalation.askName'), retry: key('escalation.askName') })),
        async (step) => {
            await step.context.sendActivity(`Nice to meet you, ${String(step.result)}.`);
            return step.endDialog();
        },
    ]);
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('DialogState'))
        .add(question)
        .add(new LocalizedTextPrompt(NAME_PROMPT, async (p) => p.recognized.succeeded, (context) => languageOf(context, services)));

    async function run(step: MessageStep, activity: Partial<Activity> = { text: 'hello' }): Promise<StepRun> {
        const adapter = new TestAdapter();
        let after: Omit<StepRun, 'replies'> | undefined;
        await adapter.processActivity({ type: 'message', ...activity }, async (context) => {
            const turn = createMessageTurn(context, services, (c) => dialogs.createContext(c));
            const result = await step.handle(turn);
            after = {
                result,
                profile: structuredClone(await services.customerProfile.get(context, {})),
                session: structuredClone(await services.session.get(context, {})),
                waiting: (await turn.dialogs()).activeDialog !== undefined,
                turnState: context.turnState,
            };
            await conversationState.saveChanges(context);
            await userState.saveChanges(context);
        });
        if (!after) throw new Error('stepRig.run(): the turn did not run');
        return { ...after, replies: adapter.activeQueue.splice(0).map(shown) };
    }

    return {
        services,
        database: rig.database,
        run,
        ask: async (activity) => (await run(stepOf('ask', async (turn) => (await turn.dialogs()).beginDialog(QUESTION_DIALOG)), activity)).replies,
        given: async ({ profile, session }, activity) => {
            await run(
                stepOf('given', async ({ context }) => {
                    if (profile) await services.customerProfile.set(context, profile);
                    if (session) await services.session.set(context, session);
                }),
                activity,
            );
        },
    };
}

/** Asserts that `step` answers each of these messages with `replies`, ending the turn. */
export async function assertAnswers(rig: StepRig, step: MessageStep, activities: Array<Partial<Activity>>, replies: string[]): Promise<void> {
    for (const activity of activities) {
        const run = await rig.run(step, activity);
        assert.equal(run.result, 'handled', `${step.name} should answer ${JSON.stringify(activity)}`);
        assert.deepEqual(run.replies, replies);
    }
}

/** Asserts that `step` leaves each of these messages to the next steps, saying nothing. */
export async function assertLetsThrough(rig: StepRig, step: MessageStep, activities: Array<Partial<Activity>>): Promise<void> {
    for (const activity of activities) {
        const run = await rig.run(step, activity);
        assert.equal(run.result, 'next', `${step.name} should let ${JSON.stringify(activity)} through`);
        assert.deepEqual(run.replies, []);
    }
}

/** A click on one of the bot's cards (`activity.value` as its Action.Submit posts it). */
export function click(intake: string, prompt = 'intake-confirm', choice = 'yes'): Partial<Activity> {
    return { value: { csp: 1, prompt, choice, intake } };
}

export interface TeamsSender {
    /** The sender's Entra object id (agents are recognised by it). */
    aadObjectId?: string;
    /** The tenant Teams vouches for, in `channelData` and on the conversation. */
    tenant?: string;
    conversationId?: string;
    conversationType?: 'personal' | 'groupChat' | 'channel';
}

/** A message as Teams sends it: the sender, their tenant, and the kind of conversation. */
export function fromTeams(text: string, sender: TeamsSender = {}): Partial<Activity> {
    const { aadObjectId = 'aad-someone', tenant = '00000000-0000-4000-8000-000000000001', conversationId = '19:chat', conversationType = 'personal' } = sender;
    return {
        text,
        channelId: 'msteams',
        from: { id: `29:${aadObjectId}`, name: 'Sam', aadObjectId },
        conversation: { id: conversationId, conversationType, tenantId: tenant, isGroup: conversationType !== 'personal', name: '' },
        channelData: { tenant: { id: tenant } },
    };
}
