import { randomUUID } from 'node:crypto';
import { ConversationState, UserState, type Storage } from 'botbuilder';
import { DateTime } from 'luxon';
import { MainDialog } from '../../dialogs/mainDialog';
import type { CustomerProfileState, DialogServices, SessionState } from '../../dialogs/dialogServices';
import type { CustomerDirectory } from '../customers/customerDirectory';
import type { GuidanceLibrary } from '../guidance/guidanceLibrary';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { TicketRepository } from '../store/ticketRepository';
import type { Classifier } from '../understanding/classifier';
import { SupportBot } from './supportBot';

export interface BotDependencies {
    storage: Storage;
    classifier: Classifier;
    guidance: GuidanceLibrary;
    tickets: TicketRepository;
    partner: PartnerProfile;
    customers: CustomerDirectory;
    minConfidence: number;
    maxMessageChars: number;
    now?: () => DateTime;
    newId?: () => string;
}

/** Builds the bot and its dialogs over one Storage; state lives in the database. */
export function createBot(deps: BotDependencies): SupportBot {
    const conversationState = new ConversationState(deps.storage);
    const userState = new UserState(deps.storage);
    const services: DialogServices = {
        classifier: deps.classifier,
        guidance: deps.guidance,
        tickets: deps.tickets,
        partner: deps.partner,
        customers: deps.customers,
        minConfidence: deps.minConfidence,
        now: deps.now ?? (() => DateTime.utc()),
        newId: deps.newId ?? (() => randomUUID()),
        session: conversationState.createProperty<SessionState>('session'),
        customerProfile: userState.createProperty<CustomerProfileState>('customerProfile'),
    };
    return new SupportBot(conversationState, userState, new MainDialog(services), services, { maxMessageChars: deps.maxMessageChars });
}
