import { z } from 'zod';
import { deskTranslator } from '../i18n/i18n';
import type { TicketEvent } from '../store/ticketRepository';

const t = deskTranslator();

/** What an 'attachment.added' event keeps (see attachmentFiling). */
const AttachmentEventSchema = z.object({ name: z.string().max(255), contentType: z.string().max(64), size: z.number().int().nonnegative(), url: z.string().max(2048) });

/** The customer chose the name: nothing in it may become a link or formatting on the agent's card. */
const plain = (text: string): string => text.replace(/[\\`*_[\]()<>#|~]/g, (c) => `\\${c}`);

const sizeText = (bytes: number): string => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * One line per file the customer attached to the ticket, for the agents' ticket card: a link
 * when the bot's public URL makes it one Teams can open, otherwise the name and what to set.
 */
export function attachmentLines(events: readonly TicketEvent[]): string[] {
    const lines: string[] = [];
    for (const event of events) {
        if (event.type !== 'attachment.added') continue;
        let data: unknown;
        try {
            data = JSON.parse(event.data);
        } catch {
            continue;
        }
        const file = AttachmentEventSchema.safeParse(data);
        if (!file.success) continue;
        const { name, contentType, size, url } = file.data;
        const shown = /^https:\/\/[^\s()]+$/.test(url) ? `[${plain(name)}](${url})` : t('card.attachmentNoLink', { name: plain(name) });
        lines.push(t('card.attachmentFile', { file: shown, type: contentType.slice(contentType.indexOf('/') + 1).toUpperCase(), size: sizeText(size) }));
    }
    return lines;
}

/** The history line of an 'attachment.added' event: who attached what. */
export function attachmentEventText(who: string, data: { name?: unknown }): string {
    return `**${who}** ${t('ticket.event.attachmentAdded', { name: plain(typeof data.name === 'string' ? data.name : '') })}`;
}
