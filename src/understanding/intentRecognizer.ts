import type { Language } from '../policy/types';
import { frustrationFrom } from './frustration';
import { intentEvidence, switchTarget, type IntentEvidence } from './intentCues';
import { INTENT_CLASSES, type Intent, type IntentLabel } from './intentLabels';
import { ruleIntent } from './intentRules';
import { IntentModel, type IntentProbabilities } from './model/intentModel';
import { sentencesOf } from './sentences';

/** What {@link IntentRecognizer.recognize} returns. */
export interface IntentResult {
    /** What the message asks of the conversation, or 'none' for an ordinary message or answer. */
    intent: Intent | 'none';
    /**
     * How sure the recogniser is of `intent` (0..1): the model's calibrated probability, and at
     * least {@link RULE_CONFIDENCE} when a rule decided.
     */
    confidence: number;
    /** For 'switch': the language asked for. Set only with 'switch'. */
    switchTo?: Language;
    /** Anger from 0 to 1 whatever the intent ("need a callback ASAP!!" is 'phone' and still angry); see {@link frustrationFrom}. */
    frustration: number;
    /** 'rule' when a high-precision rule decided, 'model' when the trained model did. */
    decidedBy: 'rule' | 'model';
}

/** A sentence of a longer message asks for a call only when the recogniser is this sure of it. */
const SENTENCE_CONFIDENCE = 0.9;

/** Confidence reported, at least, when a rule decides (their precision on the corpus's train split is 1.0). */
export const RULE_CONFIDENCE = 0.95;

/**
 * Recognises what a customer asks of the conversation besides describing a problem: to be
 * phoned, how their case is going, another language (and which), frustration, a correction,
 * several problems at once, a person. High-precision rules built from the language packs
 * decide obvious cases; a small trained linear model (intents.json: word and character
 * n-grams plus the packs' cues as features) decides the rest. Deterministic, local, no
 * botbuilder. Load once and share: `recognize` is synchronous and keeps no state.
 *
 * @example
 * const intents = IntentRecognizer.load();
 * intents.recognize('¿podemos seguir en español?'); // { intent: 'switch', switchTo: 'es', ... }
 */
export class IntentRecognizer {
    constructor(private readonly model: IntentModel) {}

    /** Loads the committed intents.json (or `file`); throws `IntentModel.load(): ...` when it is missing or invalid. */
    static load(file?: string): IntentRecognizer {
        return new IntentRecognizer(IntentModel.load(file));
    }

    /** Recognises one message. Never throws, whatever the input. */
    recognize(text: string): IntentResult {
        const e = intentEvidence(typeof text === 'string' ? text : String(text ?? ''));
        const probs = this.model.probabilities(e);
        const frustration = frustrationFrom(e, probs.frustration);
        const ruled = ruleIntent(e);
        const intent = ruled ?? modelIntent(e, probs);
        const confidence = ruled ? Math.max(RULE_CONFIDENCE, probs[ruled]) : probs[intent];
        const switchTo = intent === 'switch' ? switchTarget(e) : undefined;
        return { intent, confidence, ...(switchTo ? { switchTo } : {}), frustration, decidedBy: ruled ? 'rule' : 'model' };
    }

    /**
     * True when the message, or one of its sentences, asks to call or be called: a request made in
     * passing next to a problem ("g'day, is there a number I can call? the MFA setup on my new
     * phone is doing my head in") counts too, when the recogniser is sure of that sentence. In a
     * message about phones or calls as a service (Teams Phone, an authenticator app), where "call"
     * may describe the problem ("customers can't call us"), only a question counts.
     */
    asksForPhone(text: string): boolean {
        const whole = typeof text === 'string' ? text : String(text ?? '');
        if (this.recognize(whole).intent === 'phone') return true;
        const sentences = sentencesOf(whole);
        if (sentences.length < 2) return false;
        const aboutPhones = intentEvidence(whole).cues.phoneTopics;
        return sentences.some((s) => {
            const result = this.recognize(s);
            return result.intent === 'phone' && result.confidence >= SENTENCE_CONFIDENCE && (!aboutPhones || s.trim().endsWith('?'));
        });
    }

    /** Frustration from 0 (calm) to 1 for one message (the same figure as `recognize(text).frustration`). */
    frustrationScore(text: string): number {
        return this.recognize(text).frustration;
    }
}

/** Classes the model may only choose when the evidence allows: a switch needs a target language, and a phone request no phone topic. */
const ALLOWED: Partial<Record<IntentLabel, (e: IntentEvidence) => boolean>> = {
    switch: (e) => switchTarget(e) !== undefined,
    phone: (e) => !e.cues.phoneTopics,
};

/** The model's most probable class among those the evidence allows. */
function modelIntent(e: IntentEvidence, probs: IntentProbabilities): IntentLabel {
    const allowed = INTENT_CLASSES.filter((c) => ALLOWED[c]?.(e) ?? true);
    return allowed.reduce((best, c) => (probs[c] > probs[best] ? c : best), 'none' as IntentLabel);
}
