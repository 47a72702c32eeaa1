import type { DateTime } from 'luxon';
import type { Logger } from '../logger';
import type { PartnerProfile } from '../partner/partnerProfile';
import type { SettingsRepository } from '../store/settingsRepository';
import type { TicketRepository } from '../store/ticketRepository';
import type { TicketActions } from '../tickets/ticketActions';
import type { TranscriptRepository } from '../transcript/transcriptRepository';
import type { AgentActionRepository } from './agentActionRepository';
import type { AgentDirectory } from './agentDirectory';
import type { HandoffRepository } from './handoffRepository';
import type { HandoffOptions } from './handoffTypes';
import type { Messenger } from '../channels/messenger';

/**
 * What the takeover's parts share. Private to src/handoff: the rest of the bot sees only the
 * Handoffs facade.
 */
export interface HandoffContext {
    handoffs: HandoffRepository;
    transcript: TranscriptRepository;
    settings: SettingsRepository;
    agents: AgentDirectory;
    /** The buttons on cards sent to agents (only ids the bot issued are honoured). */
    actions: AgentActionRepository;
    tickets: TicketRepository;
    /** What agents do to tickets (assign, reply, resolve…): one change with its event each. */
    work: TicketActions;
    partner: PartnerProfile;
    messenger: Messenger;
    logger: Logger;
    now: () => DateTime;
    options: HandoffOptions;
}
