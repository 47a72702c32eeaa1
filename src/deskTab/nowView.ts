import { alertTimes, dueState, type DueState } from '../policy/ticketLifecycle';
import type { DeadMessage } from '../outbox/outboxRepository';
import type { NowRepository, OpenTicketRow, WaitingCustomer } from './nowRepository';

/** An agent as the desk tab shows them. */
export interface RosterAgent {
    aadObjectId: string;
    name: string;
    availability: string;
    hasChat: boolean;
}

export interface NowView {
    at: string;
    queue: Array<WaitingCustomer & { waitingSeconds: number }>;
    agents: Array<RosterAgent & { liveChats: number }>;
    openTickets: Array<OpenTicketRow & { dueState: DueState; secondsLeft: number | null }>;
    openCounts: { open: number; onTrack: number; atRisk: number; breached: number; met: number; missed: number };
    deadDeliveries: { count: number; latest: DeadMessage[] };
}

export interface NowSources {
    now: NowRepository;
    roster(): Promise<RosterAgent[]>;
    dead(limit: number): Promise<DeadMessage[]>;
    /** DUE_ALERT_PERCENT / 100. */
    alertShare: number;
}

/** The live desk: queue, agents with their chats, open tickets soonest due first, failed deliveries. */
export async function buildNowView(sources: NowSources, now: Date): Promise<NowView> {
    const nowIso = now.toISOString();
    const [queue, chats, roster, open, counts, dead, deadCount] = await Promise.all([
        sources.now.queue(),
        sources.now.liveChats(),
        sources.roster(),
        sources.now.openTickets(),
        sources.now.openCounts(nowIso),
        sources.dead(20),
        sources.now.deadCount(),
    ]);
    let atRisk = 0;
    for (const r of counts.running) {
        const times = alertTimes(r, sources.alertShare);
        if (times && now.getTime() >= times.atRiskAt) atRisk++;
    }
    return {
        at: nowIso,
        queue: queue.map((q) => ({ ...q, waitingSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(q.enqueuedAt)) / 1000)) })),
        agents: roster.map((a) => ({ ...a, liveChats: chats.get(a.aadObjectId) ?? 0 })),
        openTickets: open.map((t) => ({
            ...t,
            dueState: dueState({ createdAt: t.createdAt, dueAt: t.dueAt, firstResponseAt: t.firstResponseAt, status: t.status }, now, sources.alertShare),
            secondsLeft: t.dueAt ? Math.round((Date.parse(t.dueAt) - now.getTime()) / 1000) : null,
        })),
        openCounts: { open: counts.open, onTrack: counts.running.length - atRisk, atRisk, breached: counts.breached, met: counts.answeredMet, missed: counts.answeredMissed },
        deadDeliveries: { count: deadCount, latest: dead },
    };
}
