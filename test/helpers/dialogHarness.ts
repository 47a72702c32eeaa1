import path from 'node:path';
import { AutoSaveStateMiddleware, ConversationState, MemoryStorage, UserState, type Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { DateTime } from 'luxon';
import type { CustomerProfileState, BotServices, SessionState } from '../../src/bot/botServices';
import { CustomerDirectory } from '../../src/customers/customerDirectory';
import { GuidanceLibrary } from '../../src/guidance/guidanceLibrary';
import { loadConfig } from '../../src/config';
import { loadPartnerProfile } from '../../src/partner/partnerProfile';
import { projectRoot } from '../../src/paths';
import { openSqliteDatabase, type OpenDatabase } from '../../src/store/database';
import { TicketRepository } from '../../src/store/ticketRepository';
import type { Classifier } from '../../src/understanding/classifier';
import { KeywordClassifier } from '../../src/understanding/keywordClassifier';

const library = GuidanceLibrary.fromDirectory(path.join(projectRoot(), 'content', 'guidance'));

export interface DialogRig {
    services: BotServices;
    database: OpenDatabase;
    /** A test client on `channel` (default 'test'; 'msteams' where the Teams tenant matters). */
    client(dialog: (services: BotServices) => Dialog, options?: unknown, channel?: string): DialogTestClient;
}

/** Real services (in-memory SQLite, the shipped articles, the example partner) for dialog tests. */
export async function dialogRig(overrides: { classifier?: Classifier; now?: DateTime } = {}): Promise<DialogRig> {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const database = await openSqliteDatabase(':memory:');
    let id = 0;
    const services: BotServices = {
        classifier: overrides.classifier ?? new KeywordClassifier(),
        guidance: library,
        tickets: new TicketRepository(database.db),
        partner: loadPartnerProfile(loadConfig({})).profile,
        customers: new CustomerDirectory([{ tenantId: '11111111-2222-4333-8444-555555555555', organisation: 'Fabrikam Ltd' }]),
        minConfidence: 0.55,
        now: () => overrides.now ?? DateTime.fromISO('2026-11-23T09:00:00Z', { zone: 'utc' }),
        newId: () => `intake-${++id}`,
        session: conversationState.createProperty<SessionState>('session'),
        customerProfile: userState.createProperty<CustomerProfileState>('customerProfile'),
    };
    return {
        services,
        database,
        client: (make, options, channel = 'test') => new DialogTestClient(channel, make(services), options, [new AutoSaveStateMiddleware(userState)], conversationState),
    };
}

/** Text a person sees in a reply: its text, or the card's text blocks, facts and buttons. */
export function shown(reply: Partial<Activity> | undefined): string {
    if (!reply) return '';
    const parts: string[] = reply.text ? [reply.text] : [];
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        for (const [key, v] of Object.entries(node)) {
            if ((key === 'text' || key === 'title' || key === 'value') && typeof v === 'string') parts.push(v);
            else if (key !== 'data' && typeof v === 'object') walk(v);
        }
    };
    walk(reply.attachments?.map((a) => a.content));
    return parts.join('\n');
}

/** The submit data of a button in a card reply. */
export function submit(reply: Partial<Activity> | undefined, title: string): Record<string, unknown> {
    const content = reply?.attachments?.[0]?.content as { actions?: Array<{ title: string; data: Record<string, unknown> }> } | undefined;
    const action = content?.actions?.find((a) => a.title === title);
    if (!action) throw new Error(`submit(): no button "${title}" in:\n${shown(reply)}`);
    return action.data;
}
