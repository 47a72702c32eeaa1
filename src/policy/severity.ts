import type { Impact, Severity } from './types';

const SEVERITY_BY_IMPACT: Record<Impact, Severity> = { critical: 'A', moderate: 'B', minimal: 'C' };

/** docs/PROGRAMME.md: severity is set from the business impact the requester states. */
export function impactToSeverity(impact: Impact): Severity {
    return SEVERITY_BY_IMPACT[impact];
}

/** Initial response time, in hours, of a technical break-fix incident (English, 24x7). */
export const RESPONSE_HOURS: Record<Severity, number> = { A: 2, B: 4, C: 8 };
