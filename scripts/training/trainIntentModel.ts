import { INTENT_CLASSES } from '../../src/understanding/intentLabels';
import { intentEvidence, intentSignals } from '../../src/understanding/intentCues';
import { featurizeIntent } from '../../src/understanding/model/intentFeatures';
import { INTENT_MODEL_FORMAT } from '../../src/understanding/model/intentModel';
import type { ModelJson } from '../../src/understanding/model/linearModel';
import type { IntentRow } from './intentCorpus';
import type { IntentTrainOptions } from './intentTrainOptions';
import { assembleModel, dropRareBuckets, trainHead, type HeadReport } from './trainHead';

/** intents.json content: a linear model with one 'intent' head, plus the signal weight. */
export type IntentModelJson = ModelJson & { signalWeight: number };

/** Trains the intent model's one head on the rows. */
export function trainIntentModel(rows: readonly IntentRow[], opts: IntentTrainOptions): { model: IntentModelJson; report: HeadReport } {
    const dim = 1 << opts.features.hashBits;
    const feats = dropRareBuckets(
        rows.map((r) => {
            const e = intentEvidence(r.text);
            return featurizeIntent(e.normalized, intentSignals(e), opts.features, opts.signalWeight);
        }),
        opts.minDocs,
        dim,
    );
    const { json, report } = trainHead({ name: 'intent', classes: INTENT_CLASSES, labels: rows.map((r) => r.intent), seedIndex: 1 }, feats, opts, dim);
    return { model: { ...assembleModel(INTENT_MODEL_FORMAT, feats, [json], opts), signalWeight: opts.signalWeight }, report };
}
