import type { IntentRecognizer, IntentResult } from '../../src/understanding/intentRecognizer';
import type { Pair } from '../evalMetrics';
import type { IntentRow } from './intentCorpus';

/** A gold/predicted pair of one intent line, with what decided it and the switch target. */
export interface IntentPair extends Pair {
    decidedBy: IntentResult['decidedBy'];
    /** For gold switch lines: the target language was also right. */
    targetRight?: boolean;
}

/** Runs the recogniser over labelled lines. */
export function recognizeRows(recognizer: IntentRecognizer, rows: readonly IntentRow[]): IntentPair[] {
    return rows.map((row) => {
        const r = recognizer.recognize(row.text);
        return {
            gold: row.intent,
            pred: r.intent,
            confidence: r.confidence,
            lang: row.lang,
            text: row.text,
            decidedBy: r.decidedBy,
            ...(row.intent === 'switch' ? { targetRight: r.intent === 'switch' && r.switchTo === row.target } : {}),
        };
    });
}
