import { featurize } from '../../src/understanding/model/features';
import { HEAD_NAMES, MODEL_FORMAT, type ModelJson } from '../../src/understanding/model/linearModel';
import { HEAD_CLASSES, headLabel } from './heads';
import type { CorpusRow } from './split';
import { assembleModel, dropRareBuckets, trainHead, type HeadReport } from './trainHead';
import type { TrainOptions } from './trainOptions';

export type { HeadReport } from './trainHead';

/** Trains every head of the intake classifier on the rows and returns model.json content plus per-head figures. */
export function trainModel(rows: readonly CorpusRow[], opts: TrainOptions): { model: ModelJson; reports: HeadReport[] } {
    const dim = 1 << opts.features.hashBits;
    const feats = dropRareBuckets(rows.map((r) => featurize(r.text, opts.features)), opts.minDocs, dim);
    const results = HEAD_NAMES.map((name, i) =>
        trainHead({ name, classes: HEAD_CLASSES[name], labels: rows.map((row) => headLabel(row, name)), seedIndex: i + 1 }, feats, { ...opts, ...(opts.heads?.[name] ?? {}) }, dim),
    );
    return { model: assembleModel(MODEL_FORMAT, feats, results.map((r) => r.json), opts), reports: results.map((r) => r.report) };
}
