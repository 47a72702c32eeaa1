import { IntentRecognizer } from '../../src/understanding/intentRecognizer';
import { IntentModel } from '../../src/understanding/model/intentModel';
import type { IntentRow } from './intentCorpus';
import { recognizeRows, type IntentPair } from './intentPairs';
import type { IntentTrainOptions } from './intentTrainOptions';
import { serializeModel } from './serializeModel';
import { trainIntentModel } from './trainIntentModel';

/**
 * Held-out predictions of the whole recogniser (rules and model) for every row, by k-fold
 * training on the others: how settings are tuned without looking at the dev split.
 */
export function crossValidateIntents(rows: readonly IntentRow[], opts: IntentTrainOptions, folds = 5): IntentPair[] {
    const pairs: IntentPair[] = [];
    for (let fold = 0; fold < folds; fold++) {
        const { model } = trainIntentModel(
            rows.filter((_, i) => i % folds !== fold),
            opts,
        );
        const recognizer = new IntentRecognizer(IntentModel.fromJson(JSON.parse(serializeModel(model))));
        pairs.push(...recognizeRows(recognizer, rows.filter((_, i) => i % folds === fold)));
    }
    return pairs;
}
