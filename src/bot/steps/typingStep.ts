import { ActivityTypes } from 'botbuilder';
import type { BotServices } from '../botServices';
import type { MessageStep } from './messageStep';

/**
 * Shows that the bot is working when the turn may wait on a remote service (Azure AI Language
 * for the language and the ticket text, Microsoft Graph for service health; each with a budget
 * of a second or two). Without them every step is local and fast, and nothing is shown.
 * Typing goes out at once: held replies let it pass (see HeldReplies).
 */
export function typingStep(services: Pick<BotServices, 'languageService' | 'serviceHealth'>): MessageStep {
    const slow = Boolean(services.languageService ?? services.serviceHealth);
    return {
        name: 'typing',
        async handle(turn) {
            if (slow) await turn.context.sendActivity({ type: ActivityTypes.Typing });
            return 'next';
        },
    };
}
