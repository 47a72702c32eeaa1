import { recognizeCategory, recognizeImpact, recognizeKind, recognizeProduct, recognizeYesNo } from '../src/understanding/answers';
import type { TextRecognizer } from './cardPrompt';

/**
 * The text recognizers CardPrompts refer to by name (dialog state holds only the name).
 * `impactFromText` reads a free-text impact answer; by default the word lists, and the
 * trained model's severity head when the bot has one.
 */
export function recognizers(impactFromText: TextRecognizer = recognizeImpact): Record<string, TextRecognizer> {
    return { ...RECOGNIZERS, impact: impactFromText };
}

export const RECOGNIZERS: Record<string, TextRecognizer> = {
    category: recognizeCategory,
    product: recognizeProduct,
    kind: recognizeKind,
    impact: recognizeImpact,
    yesNo: recognizeYesNo,
    confirmCase: (text) => {
        const answer = recognizeYesNo(text);
        return answer === undefined ? undefined : answer === 'yes' ? 'yes' : 'correct';
    },
};
