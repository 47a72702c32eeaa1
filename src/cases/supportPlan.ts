/**
 * The support plan a partner's own tenant needs (docs/PROGRAMME.md): an MPN (partner) agreement ID of
 * digits, a Premier/Unified contract or access ID, or an Azure support plan ID. Each has a
 * shape; a plain word ("accept", "yes") is none of them.
 */
const PLAN_SHAPES: Array<{ kind: 'mpn' | 'premier' | 'azure'; pattern: RegExp }> = [
    { kind: 'mpn', pattern: /^\d{6,10}$/ },
    { kind: 'azure', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
    // Premier / Unified contract and access IDs: letters and digits, usually with a prefix and dashes.
    { kind: 'premier', pattern: /^(?=[A-Za-z0-9._/-]*\d)(?=[A-Za-z0-9._/-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._/-]{4,63}$/ },
];

/** The kind of support plan ID this looks like, or undefined when it looks like none. */
export function supportPlanKind(value: string): 'mpn' | 'premier' | 'azure' | undefined {
    const trimmed = value.trim();
    return PLAN_SHAPES.find((shape) => shape.pattern.test(trimmed))?.kind;
}

/** True when the value has the shape of a support plan ID (see supportPlanKind). */
export function isSupportPlanId(value: string): boolean {
    return supportPlanKind(value) !== undefined;
}
