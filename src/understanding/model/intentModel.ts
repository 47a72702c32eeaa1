import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../paths';
import { INTENT_CLASSES, type IntentLabel } from '../intentLabels';
import { intentSignals, type IntentEvidence } from '../intentCues';
import type { Featurized } from './features';
import { featurizeIntent } from './intentFeatures';
import { LinearModel, type ModelSpec } from './linearModel';
import { readModelFile } from './readModelFile';

/** Where the committed intent model lives, relative to the project root. */
export const INTENT_MODEL_PATH = path.join('src', 'understanding', 'model', 'intents.json');

/** Format tag written into intents.json; its one head is named 'intent'. */
export const INTENT_MODEL_FORMAT = 'csp-intents-linear/1';

/** What intents.json must hold. */
export const INTENT_MODEL_SPEC: ModelSpec<'intent'> = { format: INTENT_MODEL_FORMAT, heads: ['intent'] };

/** intents.json's field beyond a linear model's: the weight of each signal feature. */
const SignalSettingsSchema = z.object({ signalWeight: z.number().min(0) });

/** Probabilities of every intent class, summing to 1. */
export type IntentProbabilities = Readonly<Record<IntentLabel, number>>;

/** The trained intent model: n-grams and pack signals into one calibrated softmax over intents and 'none'. */
export class IntentModel {
    private constructor(
        private readonly model: LinearModel<'intent'>,
        private readonly signalWeight: number,
    ) {}

    /** Builds the model from intents.json content; throws `IntentModel.fromJson(): ...` on bad content. */
    static fromJson(json: unknown): IntentModel {
        const settings = SignalSettingsSchema.safeParse(json);
        if (!settings.success) throw new Error('IntentModel.fromJson(): invalid model: signalWeight missing or not a number');
        const model = LinearModel.fromJson(json, INTENT_MODEL_SPEC);
        const classes = model.classesOf('intent');
        if (classes.join() !== INTENT_CLASSES.join()) throw new Error(`IntentModel.fromJson(): classes ${classes.join(',')} are not ${INTENT_CLASSES.join(',')}`);
        return new IntentModel(model, settings.data.signalWeight);
    }

    /** Loads intents.json (default: the committed model under the project root). */
    static load(file: string = path.join(projectRoot(), INTENT_MODEL_PATH)): IntentModel {
        const json = readModelFile(file, 'IntentModel.load()');
        try {
            return IntentModel.fromJson(json);
        } catch (err) {
            throw new Error(`IntentModel.load(): ${file}: ${(err as Error).message}`, { cause: err });
        }
    }

    /** The features the model scores, with its own settings. */
    featurize(e: IntentEvidence): Featurized {
        return featurizeIntent(e.normalized, intentSignals(e), this.model.features, this.signalWeight);
    }

    /** Calibrated probability of each intent class. */
    probabilities(e: IntentEvidence): IntentProbabilities {
        const out = this.model.predictFeatures(this.featurize(e)).intent;
        return Object.fromEntries(out.classes.map((c, i) => [c, out.probs[i] as number])) as Record<IntentLabel, number>;
    }
}
