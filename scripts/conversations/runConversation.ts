import type { Language } from '../../src/policy/types';
import type { CatalogueMatcher } from './catalogueMatcher';
import type { ConversationScript } from './conversationScript';
import { ConversationSession, type TranscriptLine } from './conversationSession';
import { CustomerTurns } from './customerTurns';
import { failedExpectations, repeatedRetries, type EndState, type Failure } from './expectations';
import { buttonsOf } from './questions';

/** How one scripted conversation went. */
export interface ConversationResult {
    script: ConversationScript;
    failures: Failure[];
    /** Retry texts sent twice or more (empty: no dead end). */
    deadEnd: string[];
    transcript: TranscriptLine[];
    end?: EndState;
}

export interface RunnerTools {
    catalogue: CatalogueMatcher;
    /** The trained classifier's language head, for replies with no catalogue text (articles, agents' words). */
    languageHead: (text: string) => Language;
}

/** Runs one script against a fresh app and checks its end state; a runner error fails it with check "error". */
export async function runConversation(script: ConversationScript, tools: RunnerTools): Promise<ConversationResult> {
    let session: ConversationSession | undefined;
    try {
        session = await ConversationSession.start(script);
        const turns = new CustomerTurns(session, tools.catalogue);
        for (const turn of script.turns) await turns.play(turn);
        const end = await endState(session, tools);
        return { script, failures: failedExpectations(script, end, tools.catalogue), deadEnd: repeatedRetries(end.botTexts, tools.catalogue), transcript: session.transcript, end };
    } catch (err) {
        const transcript = session?.transcript ?? [];
        return { script, failures: [{ check: 'error', detail: `runner error: ${(err as Error).message.split('\n')[0]}` }], deadEnd: [], transcript };
    } finally {
        await session?.stop();
    }
}

async function endState(session: ConversationSession, tools: RunnerTools): Promise<EndState> {
    const rows = await session.bot.tickets();
    const handoffs = await session.bot.app.database.db.selectFrom('handoffs').select('id').execute();
    const bot = session.transcript.filter((l) => l.from === 'bot');
    return {
        tickets: rows.map(({ status, category, product, kind, severity, description }) => ({ status, category, product, kind, severity, description })),
        handoffRows: handoffs.length,
        botTexts: bot.map((l) => l.text),
        cardPrompts: session.botActivities.flatMap((a) => buttonsOf(a).slice(0, 1).map((b) => b.data.prompt)),
        language: lastLanguage(bot, tools),
    };
}

/** The language of the bot's replies to the last customer turn it answered: catalogue texts first, else the language head. */
function lastLanguage(bot: readonly TranscriptLine[], tools: RunnerTools): Language | undefined {
    const last = bot.at(-1)?.turn;
    if (last === undefined) return undefined;
    const texts = bot.filter((l) => l.turn === last).map((l) => l.text);
    return tools.catalogue.languageOf(texts) ?? tools.languageHead(texts.join('\n'));
}
