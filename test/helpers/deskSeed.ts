import type { Insertable, Kysely } from 'kysely';
import { mulberry32 } from '../../src/random';
import type { ConversationStartsTable, Database, HandoffsTable, TicketEventsTable, TicketsTable, TranscriptEntriesTable } from '../../src/store/schema';

export interface DeskSeedOptions {
    tickets: number;
    /** Tickets are created evenly at random between these two instants. */
    from: Date;
    /** The seed's "now": tickets of the last days are still open, a few customers wait. */
    now: Date;
    seed?: number;
    /** Rows per INSERT (SQLite and PostgreSQL both take 500 rows of 30 columns in one statement). */
    batch?: number;
    /** Called after each batch with the tickets written so far. */
    progress?: (written: number) => void;
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const HOUR = 3_600_000;
const WINDOW_HOURS: Record<string, number> = { A: 1, B: 4, C: 8 };
export const SEED_AGENTS = [
    { id: '00000000-0000-4000-8000-00000000a001', name: 'Ana Ruiz', availability: 'available' },
    { id: '00000000-0000-4000-8000-00000000a002', name: 'Jonas Berg', availability: 'away' },
    { id: '00000000-0000-4000-8000-00000000a003', name: 'Mei Chen', availability: 'available' },
] as const;

/**
 * Fills the desk's tables with plausible history: tickets (40% resolved by guidance at intake,
 * the rest with a due time, a first response mostly in time, a rating now and then), their
 * events, the customers' conversations (and some without a ticket), takeovers with waits and
 * ratings, a few customers waiting now, live chats, agents and dead outbox messages.
 */
export async function seedDesk(db: Kysely<Database>, options: DeskSeedOptions): Promise<void> {
    const random = mulberry32(options.seed ?? 7);
    const batch = options.batch ?? 500;
    const span = options.now.getTime() - options.from.getTime();
    const nowMs = options.now.getTime();
    const firstId = Number((await db.selectFrom('tickets').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;
    let tickets: Array<Insertable<TicketsTable>> = [];
    let events: Array<Insertable<TicketEventsTable>> = [];
    let handoffs: Array<Insertable<HandoffsTable>> = [];
    let transcript: Array<Insertable<TranscriptEntriesTable>> = [];
    // As the transcript keeps it: one start per customer conversation (each seeded conversation has one customer message).
    const starts = (): Array<Insertable<ConversationStartsTable>> => transcript.map((t) => ({ conversation_id: t.conversation_id, started_at: t.created_at }));
    // Tickets first: the other rows refer to them.
    const flush = async (force: boolean): Promise<void> => {
        if (tickets.length < batch && !(force && tickets.length)) return;
        await db.insertInto('tickets').values(tickets).execute();
        for (let i = 0; i < events.length; i += batch) await db.insertInto('ticket_events').values(events.slice(i, i + batch)).execute();
        for (let i = 0; i < handoffs.length; i += batch) await db.insertInto('handoffs').values(handoffs.slice(i, i + batch)).execute();
        for (let i = 0; i < transcript.length; i += batch) await db.insertInto('transcript_entries').values(transcript.slice(i, i + batch)).execute();
        const started = starts();
        for (let i = 0; i < started.length; i += batch) await db.insertInto('conversation_starts').values(started.slice(i, i + batch)).execute();
        tickets = [];
        events = [];
        handoffs = [];
        transcript = [];
    };
    let waiting = 0;
    for (let n = 0; n < options.tickets; n++) {
        const id = firstId + n;
        const created = options.from.getTime() + Math.floor(random() * span);
        const createdIso = new Date(created).toISOString();
        const conversation = `seed-conv-${id}`;
        const language = pick(random, ['en', 'en', 'en', 'es', 'pt', 'ru'] as const);
        const channel = pick(random, ['msteams', 'msteams', 'directline'] as const);
        const byGuidance = random() < 0.4;
        const article = byGuidance || random() < 0.3 ? `article-${String(1 + Math.floor(random() * 30)).padStart(2, '0')}` : null;
        const severity = byGuidance ? null : pick(random, ['A', 'B', 'B', 'C', 'C', 'C'] as const);
        const window = severity ? WINDOW_HOURS[severity] ?? 8 : 0;
        const dueAt = severity ? created + window * HOUR : null;
        const age = nowMs - created;
        const answered = severity && random() < 0.9 ? created + Math.floor(random() * window * 1.2 * HOUR) : null;
        const firstResponse = answered !== null && answered <= nowMs ? answered : null;
        const open = !byGuidance && (age < 3 * 24 * HOUR || random() < 0.01);
        const status = byGuidance ? 'resolved' : open ? pick(random, ['new', 'assigned', 'assigned', 'waiting-customer', 'with-microsoft'] as const) : random() < 0.5 ? 'resolved' : 'closed';
        const rating = !open && random() < 0.3 ? 1 + Math.floor(random() * 5) : null;
        tickets.push({
            id,
            number: `SR-S-${String(id).padStart(8, '0')}`,
            idempotency_key: `seed-${id}`,
            status,
            resolution: byGuidance ? 'guidance' : status === 'resolved' || status === 'closed' ? 'agent' : null,
            first_response_at: firstResponse === null ? null : new Date(firstResponse).toISOString(),
            conversation_id: conversation,
            channel_id: channel,
            language,
            title: byGuidance ? 'Question answered by an article' : 'Service problem',
            description: 'Seeded ticket',
            category: pick(random, ['commercial', 'technical', 'technical'] as const),
            product: pick(random, ['azure', 'microsoft365', 'microsoft365', 'dynamics365', 'ems', 'unknown'] as const),
            severity,
            due_at: dueAt === null ? null : new Date(dueAt).toISOString(),
            guidance_article_id: article,
            partner_contact_name: 'Desk',
            partner_contact_email: 'desk@contoso.example',
            resolved_at: status === 'resolved' || status === 'closed' ? new Date(Math.min(nowMs, created + 6 * HOUR)).toISOString() : null,
            created_at: createdIso,
            updated_at: createdIso,
            rating,
        });
        events.push({ ticket_id: id, type: 'created', data: '{}', actor_kind: 'customer', actor_id: null, actor_name: null, created_at: createdIso });
        if (firstResponse !== null) events.push({ ticket_id: id, type: 'status', data: '{"to":"assigned"}', actor_kind: 'agent', actor_id: SEED_AGENTS[0].id, actor_name: SEED_AGENTS[0].name, created_at: new Date(firstResponse).toISOString() });
        transcript.push({ conversation_id: conversation, role: 'customer', author: null, text: 'seeded', text_redacted: 'seeded', attachments: null, created_at: createdIso });
        if (random() < 0.25) {
            const other = created + Math.floor(random() * HOUR);
            if (other < nowMs) transcript.push({ conversation_id: `seed-conv-x${id}`, role: 'customer', author: null, text: 'seeded', text_redacted: 'seeded', attachments: null, created_at: new Date(other).toISOString() });
        }
        if (!byGuidance && random() < 0.2) {
            const enqueued = created + 60_000;
            const recent = nowMs - enqueued < 15 * 60_000 && enqueued < nowMs;
            if (recent && waiting < 5) {
                waiting++;
                handoffs.push(handoffRow(id, conversation, language, channel, 'waiting', enqueued, null, null));
            } else if (enqueued < nowMs) {
                const accepted = random() < 0.85 ? enqueued + Math.floor(random() * random() * 900_000) : null;
                const live = accepted !== null && nowMs - accepted < 20 * 60_000 && accepted < nowMs;
                const agent = pick(random, SEED_AGENTS);
                handoffs.push(handoffRow(id, conversation, language, channel, live ? 'agent' : 'closed', enqueued, accepted !== null && accepted < nowMs ? accepted : null, live || accepted === null ? null : random() < 0.5 ? 1 + Math.floor(random() * 5) : null, agent.id, agent.name));
            }
        }
        await flush(false);
        if ((n + 1) % 100_000 === 0) options.progress?.(n + 1);
    }
    await flush(true);
    // Customers waiting now, and live chats, on the first tickets.
    const live = [2, 5, 9].map((minutes, i) => handoffRow(firstId + i, `seed-now-${firstId}`, 'en', 'msteams', 'waiting', nowMs - minutes * 60_000, null, null));
    live.push(handoffRow(firstId + 3, `seed-now-${firstId}`, 'es', 'directline', 'agent', nowMs - 20 * 60_000, nowMs - 18 * 60_000, null, SEED_AGENTS[0].id, SEED_AGENTS[0].name));
    live.push(handoffRow(firstId + 4, `seed-now-${firstId}`, 'pt', 'msteams', 'agent', nowMs - 12 * 60_000, nowMs - 11 * 60_000, null, SEED_AGENTS[2].id, SEED_AGENTS[2].name));
    await db.insertInto('handoffs').values(live).execute();
    const seededAt = options.now.toISOString();
    for (const agent of SEED_AGENTS) {
        await db.insertInto('agent_chats').values({ aad_object_id: agent.id, name: agent.name, reference: '{}', updated_at: seededAt, availability: agent.availability, availability_at: seededAt, focus_handoff_id: null }).execute();
    }
    for (let i = 0; i < 3; i++) {
        await db
            .insertInto('outbox')
            .values({ kind: 'webhook', idempotency_key: `seed-dead-${firstId}-${i}`, payload: '{}', ticket_id: firstId + i, status: 'dead', attempts: 100, next_attempt_at: seededAt, last_error: 'HTTP 500', created_at: seededAt })
            .execute();
    }
}

function handoffRow(ticketId: number, conversation: string, language: string, channel: string, state: HandoffsTable['state'], enqueued: number, accepted: number | null, rating: number | null, agentId?: string, agentName?: string): Insertable<HandoffsTable> {
    const iso = new Date(enqueued).toISOString();
    return {
        conversation_id: `${conversation}-h${ticketId}`,
        channel_id: channel,
        state,
        hub: 'builtin',
        reason: 'asked',
        language,
        customer_name: `Customer ${ticketId}`,
        customer_organisation: 'Fabrikam',
        ticket_id: ticketId,
        summary: null,
        customer_reference: '{}',
        agent_aad_object_id: accepted === null ? null : (agentId ?? null),
        agent_name: accepted === null ? null : (agentName ?? null),
        enqueued_at: iso,
        accepted_at: accepted === null ? null : new Date(accepted).toISOString(),
        rating,
        updated_at: iso,
    };
}
