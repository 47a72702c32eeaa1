import type { StatePropertyAccessor } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { CustomerDirectory } from '../customers/customerDirectory';
import type { ServiceHealthLookup } from '../integrations/graphServiceHealth';
import type { GuidanceLibrary } from '../guidance/guidanceLibrary';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { Impact, Language } from '../policy/types';
import type { Handoffs } from '../handoff/handoffs';
import type { HandoffReason } from '../handoff/handoffTypes';
import type { TicketRepository } from '../store/ticketRepository';
import type { CustomerTickets } from '../tickets/customerTickets';
import type { AzureLanguageService } from '../understanding/azureLanguage';
import type { Classifier } from '../understanding/classifier';

/** Per-conversation facts kept between dialogs. */
export interface SessionState {
    greeted?: boolean;
    /** The intake in progress or last finished, to recognise clicks on its cards. */
    intakeId?: string;
    /** Consecutive frustrated messages (local signal or Azure AI Language); two in a row bring in a person. */
    negativeStreak?: number;
    /** Further problems the customer told in one message, taken up one after the other. */
    pendingProblems?: string[];
    /** True when the customer wants a person: the ticket is opened without guidance and a person brought in. */
    personRequested?: boolean;
    /** A person to bring in once the customer's other problems are noted (Severity A, or asked for), with the ticket that called for one. */
    personAfter?: { reason: HandoffReason; ticketId: number };
    /** A ticket the customer just reopened: their next words go onto it. */
    ticketReply?: { ticketId: number };
    /** When the bot last answered a message here (business clock, ISO): what the customer saw last. */
    lastTurnAt?: string;
}

/** What the dialogs and steps ask of intent recognition (src/understanding), beyond the classifier. */
export interface IntentSignals {
    /** True when a message tells several different problems. */
    severalProblems(text: string): boolean;
    /** True when a message asks to call, be called or for a phone number. */
    asksForPhone(text: string): boolean;
    /** True when a message shows frustration (anger, insults, shouting, giving up). */
    frustrated(text: string): boolean;
    /** True when a message asks how the customer's case is going (with or without its number). */
    asksStatus(text: string): boolean;
    /** True when a message asks for a person. */
    asksForPerson(text: string): boolean;
    /** True when a message corrects what the customer said or what the bot understood. */
    corrects(text: string): boolean;
    /** The language a message asks to continue in ("prefiero que me atiendan en español"), if any. */
    switchTo(text: string): Language | undefined;
}

/** What the bot remembers about a customer across conversations. */
export interface CustomerProfileState {
    language?: Language;
    /** True when the customer asked for the language explicitly (it then wins over the locale). */
    languageChosen?: boolean;
    /** True when the language was read from what the customer wrote (it then wins over the locale too). */
    languageFromText?: boolean;
    name?: string;
    email?: string;
    organisation?: string;
}

/** Everything the dialogs and message steps need, injected so tests can provide their own. */
export interface BotServices {
    classifier: Classifier;
    guidance: GuidanceLibrary;
    tickets: TicketRepository;
    partner: PartnerProfile;
    customers: CustomerDirectory;
    /** Reads the business impact from a free-text answer (word lists, then the model). */
    impactFromText?: (text: string) => Impact | undefined;
    /** Azure AI Language, when configured (key phrases for titles, a second PII pass). */
    languageService?: AzureLanguageService;
    /** Microsoft 365 service health (Graph), when configured: checked before escalating break-fix issues. */
    serviceHealth?: ServiceHealthLookup;
    /** Intent recognition (phone, several problems, frustration), when the bot has it. */
    intents?: IntentSignals;
    /** Below this confidence the dialogs ask the customer instead of guessing. */
    minConfidence: number;
    /** Live takeover by the partner's agents, when the bot runs with a database (not in dialog unit tests). */
    handoff?: Handoffs;
    /** Tickets after they are opened (notices, answers, ratings, reopening), when the bot runs with a database. */
    customerTickets?: CustomerTickets;
    now: () => DateTime;
    newId: () => string;
    session: StatePropertyAccessor<SessionState>;
    customerProfile: StatePropertyAccessor<CustomerProfileState>;
}
