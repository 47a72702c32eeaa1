import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { translator } from '../i18n/i18n';
import { languageFromAcceptLanguage } from '../i18n/language';
import { projectRoot } from '../paths';
import type { Language } from '../policy/types';

export interface WebChatPageOptions {
    partnerName: string;
    accentColor: string;
    logoUrl?: string;
    /** The page's icon; absent: the default one served at /favicon.ico. */
    faviconUrl?: string;
    /** Longest message the bot reads (MAX_MESSAGE_CHARS): the page stops longer ones before sending. */
    maxMessageChars: number;
    /** https origins allowed to embed /embed in an iframe; none: /embed is not served. */
    embedAncestors: string[];
    /** Where Web Chat may connect besides this origin (the Direct Line service). */
    connectOrigins: string[];
    /** Media types the upload button offers (UPLOAD_TYPES); the server checks every file again. */
    uploadTypes?: readonly string[];
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's `lang`, and the locale Web Chat gets (its own strings, and the activities' `locale` the bot reads). */
const HTML_LANG: Record<Language, string> = { en: 'en', es: 'es', pt: 'pt-BR', ru: 'ru' };
const WEBCHAT_LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', ru: 'ru-RU' };

/** The Web Chat UMD bundle inside the installed package (its exports map hides dist/). */
export function webChatBundlePath(): string {
    const main = require.resolve('botframework-webchat');
    return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

function page(options: WebChatPageOptions, embedded: boolean, language: Language): string {
    const t = translator(language);
    const partner = options.partnerName;
    const initials = escapeHtml(
        partner
            .split(/\s+/)
            .slice(0, 2)
            .map((w) => w[0] ?? '')
            .join('')
            .toUpperCase(),
    );
    const terms = escapeHtml(t('welcome.termsButton'));
    const header = embedded
        ? ''
        : `<header>${options.logoUrl ? `<img src="${escapeHtml(options.logoUrl)}" alt="" height="32">` : ''}<h1>${escapeHtml(t('page.heading', { partner }))}</h1><button id="terms" type="button" hidden>${terms}</button></header>`;
    return `<!doctype html>
<html lang="${HTML_LANG[language]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('page.title', { partner }))}</title>
<link rel="icon" href="${escapeHtml(options.faviconUrl ?? '/favicon.ico')}">
<link rel="stylesheet" href="/webchat/page.css">
</head>
<body data-accent="${escapeHtml(options.accentColor)}" data-initials="${initials}" data-locale="${WEBCHAT_LOCALE[language]}" data-max-chars="${options.maxMessageChars}" data-upload-accept="${escapeHtml((options.uploadTypes ?? []).join(','))}" data-too-long="${escapeHtml(t('page.tooLong', { max: options.maxMessageChars }))}" data-terms="${terms}" data-unavailable="${escapeHtml(t('page.unavailable'))}">
${header}
<main id="webchat" aria-label="${escapeHtml(t('page.chatLabel', { partner }))}"></main>
<p id="status" role="alert" hidden></p>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/app.js"></script>
</body>
</html>`;
}

const CSS = `html,body{height:100%;margin:0;font-family:'Segoe UI',system-ui,sans-serif;background:#f5f5f5;color:#1b1b1b}
body{display:flex;flex-direction:column}header{display:flex;align-items:center;gap:12px;padding:12px 16px;background:var(--accent,#0F6CBD);color:#fff}
h1{font-size:1.1rem;margin:0;flex:1}main{flex:1;min-height:0;background:#fff}#status{padding:16px;color:#a4262c}
#terms{font:inherit;font-size:.9rem;color:var(--accent,#0F6CBD);background:#fff;border:0;border-radius:4px;padding:6px 12px;cursor:pointer}
#terms:focus-visible{outline:2px solid #fff;outline-offset:2px}`;

const NOT_EMBEDDABLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chat not available here</title></head>
<body><p>Embedding is not configured for this chat (WEBCHAT_EMBED_ORIGINS is empty).</p></body></html>`;

/** /embed while no origin may frame it: 404, and a page that says why. */
function notEmbeddable(securityHeaders: (res: Response, embedded: boolean) => void) {
    return async (_req: Request, res: Response): Promise<void> => {
        securityHeaders(res, true);
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(NOT_EMBEDDABLE);
    };
}

/**
 * Serves the Web Chat page at / (with the partner's name, colour and logo, in the visitor's
 * language from Accept-Language: header, title, `lang`, Web Chat's locale) and, when origins
 * are configured, an embeddable variant at /embed that only they may frame; with the Web Chat
 * bundle from node_modules: no CDN, works offline.
 */
export function registerWebChatPage(server: Server, options: WebChatPageOptions): void {
    const bundle = webChatBundlePath();
    const bundleSize = statSync(bundle).size;
    const publicDir = path.join(projectRoot(), 'src', 'channels', 'public');
    const appScript = path.join(publicDir, 'webChatApp.js');
    const csp = (embedded: boolean) =>
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            // blob: is the file a visitor picked: Direct Line's client reads it back before uploading it.
            `connect-src 'self' blob: ${options.connectOrigins.join(' ')}`.trim(),
            `frame-ancestors ${embedded && options.embedAncestors.length > 0 ? options.embedAncestors.join(' ') : "'none'"}`,
            "base-uri 'none'",
            "form-action 'none'",
        ].join('; ');
    const securityHeaders = (res: Response, embedded: boolean): void => {
        res.header('Content-Security-Policy', csp(embedded));
        res.header('X-Content-Type-Options', 'nosniff');
        res.header('Referrer-Policy', 'no-referrer');
        res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
        res.header('Cross-Origin-Opener-Policy', 'same-origin');
        // Browsers honour it only over HTTPS (App Service and Container Apps terminate TLS in front).
        res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
        if (!embedded) res.header('X-Frame-Options', 'DENY');
    };
    const html = (embedded: boolean) => async (req: Request, res: Response) => {
        securityHeaders(res, embedded);
        res.header('Vary', 'Accept-Language');
        const body = page(options, embedded, languageFromAcceptLanguage(req.header('accept-language')) ?? 'en').replace('<body data-accent', `<body style="--accent:${escapeHtml(options.accentColor)}" data-accent`);
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(body);
    };
    const file = (file: string, type: string, size?: number) => async (_req: Request, res: Response) => {
        securityHeaders(res, false);
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600', ...(size ? { 'Content-Length': String(size) } : {}) });
        createReadStream(file).pipe(res);
    };
    server.get('/', html(false));
    server.get('/embed', options.embedAncestors.length > 0 ? html(true) : notEmbeddable(securityHeaders));
    server.get('/webchat/webchat.js', file(bundle, 'text/javascript; charset=utf-8', bundleSize));
    server.get('/webchat/app.js', file(appScript, 'text/javascript; charset=utf-8'));
    server.get('/favicon.ico', file(path.join(publicDir, 'favicon.ico'), 'image/x-icon'));
    server.get('/webchat/page.css', async (_req: Request, res: Response) => {
        securityHeaders(res, false);
        res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });
        res.end(CSS);
    });
}
