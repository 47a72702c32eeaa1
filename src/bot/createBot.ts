import { randomUUID } from 'node:crypto';
import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from './dialogKit';
import { DateTime } from 'luxon';
import { MainDialog } from '../../dialogs/mainDialog';
import type { CustomerProfileState, BotServices, IntentSignals, SessionState } from './botServices';
import type { IntentRecognizer } from '../understanding/intentRecognizer';
import type { CustomerDirectory } from '../customers/customerDirectory';
import type { ServiceHealthLookup } from '../integrations/graphServiceHealth';
import type { GuidanceLibrary } from '../guidance/guidanceLibrary';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { TicketRepository } from '../store/ticketRepository';
import type { AzureLanguageService } from '../understanding/azureLanguage';
import type { Classification, Classifier } from '../understanding/classifier';
import { parseImpact } from '../understanding/intents';
import type { Impact, Severity } from '../policy/types';
import { SupportBot } from './supportBot';
import { ConsistentTurn } from './consistentTurn';
import { messageSteps } from './messageSteps';
import type { Handoffs } from '../handoff/handoffs';
import type { CustomerTickets } from '../tickets/customerTickets';
import { TurnStates } from './turnStates';
import { recentResults } from '../recentResults';

/** Frustration at or above this (0..1) counts as a frustrated message even when another intent wins. */
const FRUSTRATED = 0.5;

/** The intent signals the dialogs and steps use, read by the trained intent recogniser. */
export function intentSignals(recognizer: IntentRecognizer): IntentSignals {
    const intentOf = recentResults((text: string) => recognizer.recognize(text));
    return {
        severalProblems: (text) => intentOf(text).intent === 'multi-problem',
        asksForPhone: (text) => recognizer.asksForPhone(text),
        frustrated: (text) => {
            const result = intentOf(text);
            return result.intent === 'frustration' || result.frustration >= FRUSTRATED;
        },
        asksStatus: (text) => intentOf(text).intent === 'status',
        asksForPerson: (text) => intentOf(text).intent === 'person',
        corrects: (text) => intentOf(text).intent === 'correction',
        switchTo: (text) => intentOf(text).switchTo,
    };
}

export interface BotDependencies {
    storage: Storage;
    classifier: Classifier;
    /** What a message asks of the conversation (phone, status, person, language, frustration, several problems). */
    intents?: IntentRecognizer;
    guidance: GuidanceLibrary;
    tickets: TicketRepository;
    partner: PartnerProfile;
    customers: CustomerDirectory;
    minConfidence: number;
    maxMessageChars: number;
    languageService?: AzureLanguageService;
    serviceHealth?: ServiceHealthLookup;
    now?: () => DateTime;
    newId?: () => string;
    /** Live takeover by agents (queue, Teams agents, relay); absent, customers are never handed to a person. */
    handoff?: Handoffs;
    /** Tickets after they are opened: notices, answers, ratings, reopening. */
    customerTickets?: CustomerTickets;
}

const IMPACT_OF: Record<Severity, Impact> = { A: 'critical', B: 'moderate', C: 'minimal' };

/**
 * Free-text impact answers: the word lists first; otherwise, when the classifier can answer
 * synchronously (the trained model), its severity head when it is confident.
 */
export function impactReader(classifier: Classifier, minConfidence: number): (text: string) => Impact | undefined {
    const sync = (classifier as Partial<{ classifySync: (text: string) => Classification }>).classifySync?.bind(classifier);
    return (text) => {
        const listed = parseImpact(text);
        if (listed || !sync) return listed;
        const severity = sync(text).severity;
        return severity && severity.confidence >= minConfidence ? IMPACT_OF[severity.label] : undefined;
    };
}

/**
 * Remembers the classifications of recent texts, so a message is classified once although
 * language detection, the problem splitter and the intake all ask for it, even while other
 * conversations' turns run in between. A failed classification is not kept.
 */
export function rememberRecent(classifier: Classifier): Classifier {
    const classify = recentResults((text: string): Promise<Classification> => classifier.classify(text));
    return {
        classify(text: string): Promise<Classification> {
            const result = classify(text);
            result.catch(() => classify.forget(text));
            return result;
        },
    };
}

/** Builds the bot and its dialogs over one Storage; state lives in the database. */
export function createBot(deps: BotDependencies): SupportBot {
    const conversationState = new ConversationState(deps.storage);
    const userState = new UserState(deps.storage);
    const services: BotServices = {
        classifier: rememberRecent(deps.classifier),
        guidance: deps.guidance,
        tickets: deps.tickets,
        partner: deps.partner,
        customers: deps.customers,
        minConfidence: deps.minConfidence,
        impactFromText: impactReader(deps.classifier, deps.minConfidence),
        languageService: deps.languageService,
        intents: deps.intents ? intentSignals(deps.intents) : undefined,
        handoff: deps.handoff,
        customerTickets: deps.customerTickets,
        serviceHealth: deps.serviceHealth,
        now: deps.now ?? (() => DateTime.utc()),
        newId: deps.newId ?? (() => randomUUID()),
        session: conversationState.createProperty<SessionState>('session'),
        customerProfile: userState.createProperty<CustomerProfileState>('customerProfile'),
    };
    const mainDialog = new MainDialog(services);
    const dialogState = conversationState.createProperty<DialogState>('DialogState');
    const dialogContext = (context: TurnContext): Promise<DialogContext> => new DialogSet(dialogState).add(mainDialog).createContext(context);
    return new SupportBot({
        services,
        steps: messageSteps({ services, handoff: deps.handoff, maxMessageChars: deps.maxMessageChars, mainDialogId: mainDialog.id }),
        turns: new ConsistentTurn(new TurnStates(deps.storage, [conversationState, userState])),
        dialogContext,
        handoff: deps.handoff,
    });
}
