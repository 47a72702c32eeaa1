import { recognizeCategory, recognizeImpact, recognizeKind, recognizeProduct, recognizeYesNo } from '../src/understanding/answers';
import type { TextRecognizer } from './cardPrompt';

/** The text recognizers CardPrompts refer to by name (dialog state holds only the name). */
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
