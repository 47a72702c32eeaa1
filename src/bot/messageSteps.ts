import type { Handoffs } from '../handoff/handoffs';
import type { BotServices } from './botServices';
import { agentDeskStep } from './steps/agentDeskStep';
import { agentsChannelStep } from './steps/agentsChannelStep';
import { attachmentOnlyStep } from './steps/attachmentOnlyStep';
import { dialogStep } from './steps/dialogStep';
import { emptyMessageStep } from './steps/emptyMessageStep';
import { frustrationStep } from './steps/frustrationStep';
import { languageStep } from './steps/languageStep';
import { liveHandoffStep } from './steps/liveHandoffStep';
import { messageLengthStep } from './steps/messageLengthStep';
import type { MessageStep } from './steps/messageStep';
import { staleCardStep } from './steps/staleCardStep';
import { ticketAmendmentStep } from './steps/ticketAmendmentStep';
import { ticketFollowUpStep } from './steps/ticketFollowUpStep';
import { ticketNoticesStep } from './steps/ticketNoticesStep';
import { ticketReplyStep } from './steps/ticketReplyStep';
import { ticketStatusStep } from './steps/ticketStatusStep';
import { typingStep } from './steps/typingStep';
import { unknownCardStep } from './steps/unknownCardStep';

export interface MessageStepsOptions {
    services: BotServices;
    handoff?: Handoffs;
    maxMessageChars: number;
    mainDialogId: string;
}

/**
 * What the bot does with a message, in order: the first step that handles it ends the turn.
 * This list is the bot's routing table.
 */
export function messageSteps({ services, handoff, maxMessageChars, mainDialogId }: MessageStepsOptions): MessageStep[] {
    return [
        agentDeskStep(handoff), // one of the partner's agents (Teams, partner tenant): the agents' desk
        agentsChannelStep(handoff), // anyone else in the agents' channel: not a customer
        ticketNoticesStep(services), // news of the customer's tickets they have not seen (then the message goes on)
        liveHandoffStep(handoff), // a customer waiting for, or talking to, an agent
        typingStep(services), // "typing…" while remote services (Azure AI Language, Graph) may be called
        languageStep(services), // "en español"; otherwise settle the customer's language
        messageLengthStep(maxMessageChars), // too long to read
        ticketFollowUpStep(services), // rating or reopening a resolved ticket (its cards, or "reopen SR-…")
        unknownCardStep(), // a card payload that is not ours
        staleCardStep(services), // a click on an old intake's card
        attachmentOnlyStep(), // only a screenshot or PDF: kept with the request, then the question again
        emptyMessageStep(), // nothing to read
        ticketStatusStep(services), // "status of SR-…", on the side
        ticketReplyStep(services), // the customer's answer to a ticket waiting on them: onto that ticket
        frustrationStep(services), // two negative messages: a person
        ticketAmendmentStep(services), // "oops, it's invoice 8821": onto the ticket just opened
        dialogStep(mainDialogId), // the conversation itself
    ];
}

/** Runs the steps in order until one handles the message. */
export async function routeMessage(turn: Parameters<MessageStep['handle']>[0], steps: readonly MessageStep[]): Promise<void> {
    for (const step of steps) if ((await step.handle(turn)) === 'handled') return;
}
