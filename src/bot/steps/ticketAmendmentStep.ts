import { isOpenStatus } from '../../policy/ticketLifecycle';
import { translator } from '../../i18n/i18n';
import { redactPii } from '../../understanding/piiRedaction';
import type { BotServices } from '../botServices';
import type { MessageStep } from './messageStep';

/** A correction this long after the ticket was opened still belongs to it. */
const AMEND_WINDOW_MS = 60 * 60 * 1000;

/**
 * "Oops, I got the number wrong: it's invoice 8821" right after a ticket was opened: the
 * correction goes onto that ticket (description and event; agents and webhooks see the
 * change) instead of starting a new request. Only explicit corrections, only in the
 * conversation that opened the ticket, only while no question is pending.
 */
export function ticketAmendmentStep(services: BotServices): MessageStep {
    return {
        name: 'ticket amendment',
        async handle(turn) {
            const { context, text } = turn;
            if (turn.submission || !text || !services.intents?.corrects(text)) return 'next';
            if ((await turn.dialogs()).activeDialog) return 'next';
            const [latest] = await services.tickets.recentFor({ conversationId: context.activity.conversation.id, channelId: context.activity.channelId }, 1);
            const recent = latest && isOpenStatus(latest.status) && latest.conversationId === context.activity.conversation.id && services.now().toMillis() - Date.parse(latest.createdAt) <= AMEND_WINDOW_MS;
            if (!latest || !recent) return 'next';
            await services.tickets.amend(latest.id, { text, redacted: redactPii(text).text }, services.now().toJSDate());
            await context.sendActivity(translator(await turn.language())('ticketStatus.amended', { number: latest.number }));
            return 'handled';
        },
    };
}
