import type { ModelJson } from '../../src/understanding/model/linearModel';

/** Serialises a model deterministically (stable key order, one head per line). */
export function serializeModel(model: ModelJson): string {
    const { heads, ...rest } = model;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"heads":[\n${heads.map((h) => JSON.stringify(h)).join(',\n')}\n]}\n`;
}
