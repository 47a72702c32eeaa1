import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { ATTACHMENT_ROUTE } from '../attachments/attachmentLink';
import type { AttachmentInfo, AttachmentRepository } from '../attachments/attachmentRepository';
import { sniffFileType, type UploadType } from '../attachments/fileType';
import { formBoundary, MultipartError, parseMultipart, type FormPart } from '../attachments/multipart';
import { readRawBody } from '../http/rawBody';
import { translator } from '../i18n/i18n';
import { languageFromAcceptLanguage, languageFromLocale } from '../i18n/language';
import type { Logger } from '../logger';
import { ClientActivitySchema, parseJson, type LocalDirectLine } from './localDirectLine';
import type { RateLimiter } from './rateLimiter';

/** The Direct Line 3.0 upload route (what Web Chat posts a message with files to). */
export const UPLOAD_ROUTE = '/v3/directline/conversations/:id/upload';
/**
 * Room for the activity part and the multipart framing, on top of the files themselves. Web
 * Chat puts a JPEG thumbnail of each image in the activity (a data: URL, tens of KB).
 */
const framingBytes = (maxFiles: number): number => 65_536 + maxFiles * 131_072;

export interface UploadLimits {
    maxBytes: number;
    maxFiles: number;
    types: readonly UploadType[];
}

export interface DirectLineUploadsOptions {
    local: LocalDirectLine;
    attachments: AttachmentRepository;
    limits: UploadLimits;
    limiter: RateLimiter;
    logger: Logger;
    /** The link to a kept file (see attachmentLink). */
    link: (id: string) => string;
    /** Files just kept in a conversation: the composition gives them to the customer's open ticket. */
    kept?: (owner: { conversationId: string; userId: string }, files: AttachmentInfo[]) => Promise<void>;
    now?: () => Date;
}

/** A refused upload: the status and code Direct Line answers with, and the catalogue key that tells the visitor why. */
interface Refusal {
    status: number;
    code: string;
    key: string;
    params?: Record<string, unknown>;
}

/** A file name safe to keep and show: no path, no control characters, bounded. */
function cleanName(name: string | undefined, type: UploadType | undefined): string {
    const base = path.basename((name ?? '').replace(/\\/g, '/')).replace(/[\p{Cc}\p{Cf}"<>]/gu, '').trim().slice(0, 200);
    return base || (type ? `attachment.${type.slice(type.indexOf('/') + 1)}` : 'attachment');
}

const sizeText = (bytes: number): string => (bytes >= 1_048_576 ? `${Math.round((bytes / 1_048_576) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * Files for the built-in Direct Line: `POST /v3/directline/conversations/{id}/upload`
 * (multipart/form-data, an optional `activity` part and one part per file, as Web Chat's
 * client sends it) and `GET /api/attachments/{id}`. Files are checked by their first bytes,
 * not their declared type, kept in the database, and the message reaches the bot with a
 * `contentUrl` per file. A refusal is answered in Direct Line's shape and also explained to
 * the visitor in their language, since Web Chat itself only says that sending failed.
 */
export class DirectLineUploads {
    private readonly now: () => Date;

    constructor(private readonly options: DirectLineUploadsOptions) {
        this.now = options.now ?? (() => new Date());
    }

    register(server: Server): void {
        server.post(UPLOAD_ROUTE, async (req: Request, res: Response) => this.upload(req, res));
        server.get(ATTACHMENT_ROUTE, async (req: Request, res: Response) => this.download(req, res));
    }

    private async upload(req: Request, res: Response): Promise<void> {
        const { local, limits } = this.options;
        const conversation = local.store.authorize(req.header('authorization'), req.params.id);
        if (!conversation) return void res.send(403, { error: { code: 'TokenInvalid', message: 'token missing, invalid or expired' } });
        if (!this.options.limiter.allow(`dl:${conversation.id}`)) return void res.send(429, { error: { code: 'TooManyRequests', message: 'slow down' } });
        let language = languageFromAcceptLanguage(req.header('accept-language')) ?? 'en';
        const refuse = (refusal: Refusal): void => {
            local.tellVisitor(conversation.id, translator(language)(refusal.key, { maxFiles: limits.maxFiles, maxSize: sizeText(limits.maxBytes), ...refusal.params }));
            res.send(refusal.status, { error: { code: refusal.code, message: translator('en')(refusal.key, { maxFiles: limits.maxFiles, maxSize: sizeText(limits.maxBytes), ...refusal.params }) } });
        };
        const boundary = formBoundary(req.header('content-type'));
        if (!boundary) return refuse({ status: 415, code: 'UnsupportedMediaType', key: 'upload.unreadable' });
        const body = await readRawBody(req, limits.maxFiles * limits.maxBytes + framingBytes(limits.maxFiles));
        if (body === 'aborted') return;
        if (body === 'too-large') {
            res.header('Connection', 'close');
            return refuse({ status: 413, code: 'MessageSizeTooBig', key: 'upload.tooLarge', params: { name: '' } });
        }
        let parts: FormPart[];
        try {
            parts = parseMultipart(body, boundary, limits.maxFiles + 1);
        } catch (err) {
            if (!(err instanceof MultipartError)) throw err;
            return refuse(/too many/.test(err.message) ? { status: 400, code: 'BadArgument', key: 'upload.tooMany' } : { status: 400, code: 'BadArgument', key: 'upload.unreadable' });
        }
        const activityPart = parts.find((p) => p.field === 'activity');
        const parsed = activityPart ? ClientActivitySchema.safeParse(parseJson(activityPart.body)) : ClientActivitySchema.safeParse({ type: 'message' });
        if (!parsed.success || parsed.data.type !== 'message') return refuse({ status: 400, code: 'BadArgument', key: 'upload.unreadable' });
        language = languageFromLocale(parsed.data.locale) ?? language;
        const files = parts.filter((p) => p !== activityPart);
        if (files.length === 0) return refuse({ status: 400, code: 'BadArgument', key: 'upload.unreadable' });
        if (files.length > limits.maxFiles) return refuse({ status: 400, code: 'BadArgument', key: 'upload.tooMany' });
        const checked: Array<{ part: FormPart; type: UploadType; name: string }> = [];
        for (const part of files) {
            const type = sniffFileType(part.body);
            const name = cleanName(part.filename, type);
            if (part.body.length > limits.maxBytes) return refuse({ status: 413, code: 'MessageSizeTooBig', key: 'upload.tooLarge', params: { name } });
            if (!type || !limits.types.includes(type)) return refuse({ status: 415, code: 'UnsupportedMediaType', key: 'upload.wrongType', params: { name, types: limits.types.map((t) => t.slice(t.indexOf('/') + 1).toUpperCase()).join(', ') } });
            checked.push({ part, type, name });
        }
        const kept: AttachmentInfo[] = [];
        for (const { part, type, name } of checked) {
            const file = { id: randomBytes(16).toString('hex'), conversationId: conversation.id, name, contentType: type, size: part.body.length, sha256: createHash('sha256').update(part.body).digest('hex'), createdAt: this.now().toISOString() };
            await this.options.attachments.add({ ...file, content: Buffer.from(part.body) });
            kept.push(file);
        }
        await this.options.kept?.({ conversationId: conversation.id, userId: conversation.userId }, kept).catch((err: Error) => this.options.logger.warn({ err: { message: err.message } }, 'Direct Line upload: could not file the attachments with a ticket'));
        const attachments = kept.map((file) => ({ contentType: file.contentType, contentUrl: this.options.link(file.id), name: file.name }));
        this.options.logger.info({ files: attachments.length, bytes: checked.reduce((sum, f) => sum + f.part.body.length, 0) }, 'Direct Line upload kept');
        // What the client declared about its files (names, blob: URLs) is replaced by what was kept.
        const activity: Record<string, unknown> = { ...parsed.data };
        delete activity.attachments;
        await local.accept(req, res, conversation.id, { ...activity, type: 'message', attachments, from: { id: conversation.userId, name: parsed.data.from?.name, role: 'user' } });
    }

    private async download(req: Request, res: Response): Promise<void> {
        const id = String(req.params.id ?? '');
        const file = /^[0-9a-f]{32}$/.test(id) ? await this.options.attachments.get(id) : undefined;
        if (!file) return void res.send(404, { error: 'not found' });
        res.writeHead(200, {
            'Content-Type': file.contentType,
            'Content-Length': file.content.length,
            'Content-Disposition': `${file.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
            'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
            'Cache-Control': 'private, max-age=3600',
            'Referrer-Policy': 'no-referrer',
        });
        res.end(file.content);
    }
}
