import type { DialogContext, PromptOptions } from '../src/bot/dialogKit';
import type { BotServices } from '../src/bot/botServices';
import type { CaseDraft } from '../src/cases/caseDraft';
import { contentWords } from '../src/cases/caseGaps';
import type { Translate } from '../src/i18n/i18n';
import { parseFieldCorrection, type FieldCorrection } from '../src/understanding/fieldCorrection';
import { tellsProblem } from '../src/understanding/problemSplitter';
import { typedChoice, type CardQuestion, type TextRecognizer } from './cardPrompt';

/** What a typed message that does not answer the pending question changes in the case. */
export type CaseRevision =
    | { kind: 'restate'; description: string }
    | { kind: 'fields'; forced: FieldCorrection; /** Details the correction adds to the description. */ adds?: string }
    | { kind: 'details'; text: string };

/** Card questions where a typed detail (who is affected, what they see) is added to the case instead of being refused. */
const TAKES_DETAILS = new Set(['intake-confirm', 'intake-category', 'intake-product', 'intake-kind', 'escalation-confirm']);
/** A detail needs this many meaningful words ("a las encargadas de tienda, unas 12"). */
const MIN_DETAIL_WORDS = 2;

/** The question the conversation waits on: the innermost active prompt and its options. */
export interface PendingQuestion {
    dialogId: string;
    options: PromptOptions | undefined;
}

/** A restatement needs this many meaningful words ("our invoice lists the same licences twice"). */
const MIN_RESTATEMENT_WORDS = 4;
/** Up to this many content words, a message that names a choice answers the question. */
const MAX_CHOICE_WORDS = 4;

/** The innermost active dialog of a dialog context, with its prompt options when it is a prompt. */
export function pendingQuestion(dc: DialogContext): PendingQuestion | undefined {
    let current = dc;
    while (current.child) current = current.child;
    const active = current.activeDialog;
    if (!active) return undefined;
    const state = active.state as { options?: PromptOptions } | undefined;
    return { dialogId: active.id, options: state?.options };
}

/** The case being built, from the innermost dialog on the stacks that carries it (intake, impact, escalation). */
export function activeDraft(dc: DialogContext): CaseDraft | undefined {
    let found: CaseDraft | undefined;
    for (let current: DialogContext | undefined = dc; current; current = current.child) {
        // The stack's top is the innermost instance: look from the bottom up so the last match wins.
        for (const instance of [...current.stack].reverse()) {
            const options = (instance.state as { options?: unknown } | undefined)?.options;
            if (options && typeof options === 'object' && 'intakeId' in options && 'description' in options) found = options as CaseDraft;
        }
    }
    return found;
}

/** The state values of a waterfall on this dialog context's stack (the main conversation's own values). */
export function waterfallValues<T>(dc: DialogContext, waterfallId: string): T | undefined {
    return (dc.stack.find((instance) => instance.id === waterfallId)?.state as { values?: T } | undefined)?.values;
}

/**
 * Reads a typed message that is not an answer to the pending question: a correction of one
 * field ("it's Dynamics, not Azure"), or a new statement of the problem ("wait, that's not it —
 * our invoice lists the same licences twice"). Undefined when it is neither (the question is
 * then asked again), or when it answers the question.
 */
export async function revisionOf(
    text: string,
    pending: PendingQuestion,
    services: BotServices,
    t: Translate,
    recognizers: Record<string, TextRecognizer>,
    draft?: Pick<CaseDraft, 'category' | 'product'>,
): Promise<CaseRevision | undefined> {
    const question = pending.options?.validations as Partial<CardQuestion> | undefined;
    const isCard = question !== undefined && Array.isArray(question.choices);
    // A short answer naming a choice is the answer; a whole new statement that happens to name
    // one ("they charged us twice for Microsoft 365") is read as what it says first.
    const choice = isCard ? typedChoice(question as CardQuestion, text, t, recognizers) : undefined;
    if (choice !== undefined && contentWords(text).length <= MAX_CHOICE_WORDS) return undefined;
    const corrects = services.intents?.corrects(text) ?? false;
    const words = contentWords(text).length;
    // A text question (name, e-mail, organisation) takes short answers; only a clear restatement replaces the case there.
    const details = isCard && TAKES_DETAILS.has(question.prompt ?? '') && words >= MIN_DETAIL_WORDS ? ({ kind: 'details', text: text.trim() } as const) : undefined;
    // Anger is not a new statement of the problem: the frustration step answers it, and the question is asked again;
    // but what an angry message tells of the problem ("seriously?? the whole office, Outlook just spins") is kept.
    if (!corrects && services.intents?.frustrated(text)) return details && (await tellsProblem(text, (t) => services.classifier.classify(t), services.minConfidence)) ? details : undefined;
    const forced = parseFieldCorrection(text);
    if (forced && isCard) return { kind: 'fields', forced, ...(words >= MIN_RESTATEMENT_WORDS + 1 ? { adds: text.trim() } : {}) };
    if (words < (isCard ? MIN_RESTATEMENT_WORDS : MIN_RESTATEMENT_WORDS + 2) || (!isCard && text.includes('@'))) return details;
    const c = await services.classifier.classify(text);
    const sure = (x: { confidence: number }) => x.confidence >= services.minConfidence;
    const product = c.product.label !== 'unknown' && sure(c.product);
    const problem = sure(c.category) && (product || words >= MIN_RESTATEMENT_WORDS + 2);
    // A problem-like message that agrees with the case so far adds to it; one about something else replaces it.
    const differs = !draft?.category || (sure(c.category) && c.category.label !== draft.category) || (product && draft.product !== undefined && draft.product !== 'unknown' && c.product.label !== draft.product);
    if (corrects || (problem && differs)) return { kind: 'restate', description: text.trim() };
    return problem && details ? details : problem ? { kind: 'restate', description: text.trim() } : details;
}
