/**
 * A ticket's life: new → assigned → waiting on the customer → with Microsoft → resolved →
 * closed, with reopen. Plain rules over plain data; the repository applies them in a
 * transaction and the desk, the customer and the partner's PSA all go through them.
 */
import { OPEN_STATUS_LIST, type Actor, type TicketStatus } from './types';

/** True while someone still owes the customer something (new, assigned, waiting on them, with Microsoft). */
export function isOpenStatus(status: TicketStatus): boolean {
    return (OPEN_STATUS_LIST as readonly TicketStatus[]).includes(status);
}

/** Why a change was refused, in terms the caller turns into words. */
export type LifecycleRefusal = 'unchanged' | 'closed' | 'not-resolved' | 'reopen-window-passed' | 'not-allowed' | 'needs-text';

/** Facts about a ticket the rules read. */
export interface LifecycleFacts {
    status: TicketStatus;
    resolvedAt: string | null;
    assigneeAadObjectId: string | null;
}

/**
 * Whether `actor` may move a ticket to `to`. Agents and the PSA may set any status of an
 * open ticket, resolve it, close a resolved one and reopen any; the customer may only reopen
 * a resolved ticket within `reopenDays` of its resolution; nothing reopens by itself.
 */
export function checkMove(facts: LifecycleFacts, to: TicketStatus, actor: Actor, now: Date, reopenDays: number): LifecycleRefusal | undefined {
    if (facts.status === to) return 'unchanged';
    const reopening = !isOpenStatus(facts.status) && isOpenStatus(to);
    if (actor.kind === 'customer') {
        if (!reopening) return 'not-allowed';
        if (facts.status !== 'resolved') return 'closed';
        return withinReopenWindow(facts.resolvedAt, now, reopenDays) ? undefined : 'reopen-window-passed';
    }
    if (actor.kind === 'system') return facts.status === 'resolved' && to === 'closed' ? undefined : 'not-allowed';
    if (to === 'closed' && facts.status !== 'resolved') return 'not-resolved';
    return undefined;
}

/** True while a resolved ticket may still be reopened by its customer. */
export function withinReopenWindow(resolvedAt: string | null, now: Date, reopenDays: number): boolean {
    if (!resolvedAt) return true;
    return now.getTime() - Date.parse(resolvedAt) <= reopenDays * 86_400_000;
}

/** Where a reopened ticket goes: back to its assignee, or to the desk. */
export function reopenedStatus(facts: Pick<LifecycleFacts, 'assigneeAadObjectId'>): TicketStatus {
    return facts.assigneeAadObjectId ? 'assigned' : 'new';
}

/** Where a ticket goes when the customer answers while the desk waits on them. */
export function answeredStatus(facts: Pick<LifecycleFacts, 'assigneeAadObjectId'>): TicketStatus {
    return facts.assigneeAadObjectId ? 'assigned' : 'new';
}

/** How a ticket stands against its first-response due time. */
export type DueState = 'met' | 'missed' | 'on-track' | 'at-risk' | 'breached' | 'none';

export interface ClockFacts {
    createdAt: string;
    dueAt: string | null;
    firstResponseAt: string | null;
    status: TicketStatus;
}

/** When an unanswered ticket is at risk (`share` of its window gone) and when it breaches. */
export function alertTimes(facts: Pick<ClockFacts, 'createdAt' | 'dueAt'>, share: number): { atRiskAt: number; breachAt: number } | undefined {
    if (!facts.dueAt) return undefined;
    const created = Date.parse(facts.createdAt);
    const breachAt = Date.parse(facts.dueAt);
    return { atRiskAt: created + Math.max(0, breachAt - created) * share, breachAt };
}

/**
 * Met or missed once answered (or when closed unanswered); else on track, at risk or
 * breached by the clock. Tickets without a due time (resolved by guidance) have none.
 */
export function dueState(facts: ClockFacts, now: Date, share: number): DueState {
    const times = alertTimes(facts, share);
    if (!times) return 'none';
    if (facts.firstResponseAt) return Date.parse(facts.firstResponseAt) <= times.breachAt ? 'met' : 'missed';
    const at = now.getTime();
    if (!isOpenStatus(facts.status)) return at > times.breachAt ? 'missed' : 'none';
    if (at >= times.breachAt) return 'breached';
    return at >= times.atRiskAt ? 'at-risk' : 'on-track';
}
