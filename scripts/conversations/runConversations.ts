import { projectRoot } from '../../src/paths';
import { TrainedClassifier } from '../../src/understanding/model/trainedClassifier';
import { CatalogueMatcher } from './catalogueMatcher';
import { loadConversations, selectConversations, type Selection } from './conversationScript';
import { runConversation, type ConversationResult, type RunnerTools } from './runConversation';

/** The catalogue patterns and the trained classifier's language head, built once for a whole run. */
export function runnerTools(): RunnerTools {
    const classifier = TrainedClassifier.load();
    return { catalogue: new CatalogueMatcher(), languageHead: (text) => classifier.classifySync(text).language.label };
}

/**
 * Runs the selected scripts of corpus/conversations, `jobs` at a time (each on its own app,
 * port and database), and returns their results in corpus order.
 */
export async function runConversations(selection: Selection, jobs = 2, tools: RunnerTools = runnerTools()): Promise<ConversationResult[]> {
    const scripts = selectConversations(loadConversations(projectRoot()), selection);
    const results: ConversationResult[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
        for (let i = next++; i < scripts.length; i = next++) {
            const script = scripts[i];
            if (script) results[i] = await runConversation(script, tools);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
    return results;
}
