import type { Activity, Attachment } from 'botbuilder';
import { z } from 'zod';
import { deskTranslator } from '../i18n/i18n';

/** Files a customer may send an agent, by media type; everything else reaches the agent as text. */
const FILE_TYPES = /^(image\/(png|jpeg|gif|webp|bmp)|application\/pdf|text\/(plain|csv)|application\/zip|application\/msword|application\/vnd\.ms-(excel|powerpoint)|application\/vnd\.openxmlformats-officedocument\.[a-z.]+)$/;
/** Where such a file may live: https, or an inline image. */
const FILE_URL = /^(https:\/\/|data:image\/(png|jpeg|gif|webp|bmp);base64,)/;
/** A file shared from a customer's Teams chat. */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const TeamsFileSchema = z.object({ downloadUrl: z.string().regex(/^https:\/\//).max(2048) });
/** A file the built-in Direct Line kept, linked relative to the bot (no PUBLIC_URL): Teams cannot open it. */
const KEPT_FILE_PATH = /^\/api\/attachments\/[0-9a-f]{32}$/;
/** Longest preview of a card's text. */
const MAX_PREVIEW = 600;

/** The strings a card shows (titles, texts, facts, button titles), in document order. */
function cardStrings(node: unknown, out: string[], depth = 0): void {
    if (depth > 20 || out.length > 100 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => cardStrings(child, out, depth + 1));
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (['text', 'title', 'subtitle', 'value', 'altText', 'label', 'placeholder'].includes(key) && typeof value === 'string') out.push(value);
        else if (key !== 'data' && typeof value === 'object') cardStrings(value, out, depth + 1);
    }
}

/** One line describing a card or unknown attachment, as plain text: nothing in it can be pressed. */
function preview(attachment: Attachment): string {
    const strings: string[] = [];
    cardStrings(attachment.content, strings);
    const text = strings.join(' · ').replace(/\s+/g, ' ').trim();
    const shown = text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
    const what = (attachment.contentType ?? 'unknown').slice(0, 80);
    // Backticks keep markdown (links, formatting) from rendering in Teams: a preview, not a lure.
    return `(a card or attachment of type ${what}, shown as text; its buttons and links do nothing here)${shown ? ` \`${shown.replace(/`/g, "'")}\`` : ''}`;
}

/**
 * What a customer's message may carry to an agent: the text, files (images, PDFs, office
 * documents) as plain links, and every card or other attachment as a read-only text preview.
 * Customer content must never reach the agent's Teams chat as something the bot would act on
 * when pressed: the bot posts it, so a button on it would submit as the agent.
 */
export function customerContentForAgent(activity: Partial<Activity>): { notes: string[]; attachments: Attachment[] } {
    const notes: string[] = [];
    const attachments: Attachment[] = [];
    for (const attachment of activity.attachments ?? []) {
        const type = attachment.contentType ?? '';
        if (type === 'text/html') continue; // Teams' HTML copy of the message text
        if (type === TEAMS_FILE) {
            const file = TeamsFileSchema.safeParse(attachment.content);
            if (file.success) attachments.push({ contentType: 'application/octet-stream', contentUrl: file.data.downloadUrl, name: attachment.name?.slice(0, 200) });
            else notes.push(preview(attachment));
            continue;
        }
        if (FILE_TYPES.test(type) && typeof attachment.contentUrl === 'string' && FILE_URL.test(attachment.contentUrl)) {
            attachments.push({ contentType: type, contentUrl: attachment.contentUrl, ...(attachment.name ? { name: attachment.name.slice(0, 200) } : {}) });
            continue;
        }
        if (FILE_TYPES.test(type) && typeof attachment.contentUrl === 'string' && KEPT_FILE_PATH.test(attachment.contentUrl)) {
            const name = (attachment.name ?? 'file').slice(0, 200).replace(/[`*_[\]()<>\\]/g, '');
            notes.push(deskTranslator()('fileWithoutPublicLink', { name, type }));
            continue;
        }
        notes.push(preview(attachment));
    }
    return { notes, attachments };
}
