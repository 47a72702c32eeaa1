import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { projectRoot } from '../paths';
import { SIGN_IN_COOKIE, type BrowserSignIn } from './browserSignIn';
import type { Report } from './deskReports';
import { SESSION_COOKIE, SESSION_HOURS, type DeskAccess, type DeskGate, type SessionSchema } from './deskGate';
import { deskPage, signInProblemPage, tabConfigPage } from './deskPage';
import type { NowView } from './nowView';
import { toCsv } from './reportFigures';
import { ReportQuerySchema, type ReportQuery } from './reportFilters';
import { cookieHeader, readCookies, type SignedCookie } from './signedCookie';

export interface DeskRouteOptions {
    gate: DeskGate;
    signIn?: BrowserSignIn;
    sessions: SignedCookie<typeof SessionSchema>;
    partnerName: string;
    /** The bot's public https origin (DESK_BASE_URL); else the request's own host. */
    baseUrl?: string;
    nowView(): Promise<NowView>;
    report(query: ReportQuery): Promise<Report>;
    logger: Logger;
    now: () => number;
}

/** Origins that frame a Teams tab (Teams on the web, the new Teams, Microsoft 365 and Outlook hosts). */
const TEAMS_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.office.com', 'https://*.microsoft365.com', 'https://*.skype.com'];

/** Files from node_modules served by the bot itself: no CDN. */
function libraryFile(resolved: string, ...relative: string[]): string {
    return path.join(path.dirname(require.resolve(resolved)), ...relative);
}

/**
 * The partner's desk tab at /desk: the page (a shell without data), its script and styles,
 * Chart.js and the Teams JS SDK from node_modules, the JSON it draws from (/desk/api/now,
 * /desk/api/reports), each table as CSV, the browser sign-in and the Teams tab config page.
 */
export function registerDeskTab(server: Server, options: DeskRouteOptions): void {
    const publicDir = path.join(projectRoot(), 'src', 'deskTab', 'public');
    const files: Record<string, [string, string]> = {
        '/desk/static/desk.js': [path.join(publicDir, 'desk.js'), 'text/javascript; charset=utf-8'],
        '/desk/static/desk-config.js': [path.join(publicDir, 'deskConfig.js'), 'text/javascript; charset=utf-8'],
        '/desk/static/desk.css': [path.join(publicDir, 'desk.css'), 'text/css; charset=utf-8'],
        '/desk/static/chart.js': [libraryFile('chart.js', 'chart.umd.min.js'), 'text/javascript; charset=utf-8'],
        '/desk/static/teams.js': [libraryFile('@microsoft/teams-js', 'MicrosoftTeams.min.js'), 'text/javascript; charset=utf-8'],
    };
    const headers = (res: Response): void => {
        res.header(
            'Content-Security-Policy',
            ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'", `frame-ancestors 'self' ${TEAMS_ANCESTORS.join(' ')}`, "base-uri 'none'", "form-action 'self'"].join('; '),
        );
        res.header('Referrer-Policy', 'no-referrer');
        res.header('X-Content-Type-Options', 'nosniff');
        res.header('Cache-Control', 'no-store');
    };
    const base = (req: Request): string => options.baseUrl ?? `http://${req.headers.host ?? 'localhost'}`;
    const redirectUri = (req: Request): string => `${base(req)}/desk/auth/callback`;
    const secure = (req: Request): boolean => base(req).startsWith('https:');
    const send = (res: Response, status: number, type: string, body: string, extra: Record<string, string | string[]> = {}): void => {
        headers(res);
        res.writeHead(status, { 'Content-Type': type, ...extra });
        res.end(body);
    };
    const refuse = (res: Response, access: Extract<DeskAccess, { allowed: false }>): void => send(res, access.status, 'application/json; charset=utf-8', JSON.stringify({ error: access.reason }));
    const guarded = (work: (req: Request, res: Response, access: Extract<DeskAccess, { allowed: true }>) => Promise<void>) => async (req: Request, res: Response) => {
        const access = await options.gate.check(req);
        if (!access.allowed) {
            if (access.status !== 401) options.logger.info({ desk: { status: access.status, reason: access.reason } }, 'desk access refused');
            return refuse(res, access);
        }
        await work(req, res, access);
    };
    const parsedQuery = (req: Request): ReportQuery | undefined => {
        const parsed = ReportQuerySchema.safeParse(req.query ?? {});
        return parsed.success ? parsed.data : undefined;
    };

    server.get('/desk', async (_req: Request, res: Response) => send(res, 200, 'text/html; charset=utf-8', deskPage({ partnerName: options.partnerName, developmentMode: options.gate.developmentMode, signIn: options.signIn !== undefined })));
    server.get('/desk/config', async (_req: Request, res: Response) => send(res, 200, 'text/html; charset=utf-8', tabConfigPage(options.partnerName)));
    for (const [route, [file, type]] of Object.entries(files)) {
        server.get(route, async (_req: Request, res: Response) => {
            headers(res);
            res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' });
            createReadStream(file).pipe(res);
        });
    }
    server.get(
        '/desk/api/me',
        guarded(async (_req, res, access) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ name: access.name, role: access.role, developmentMode: options.gate.developmentMode }))),
    );
    server.get('/desk/api/now', guarded(async (_req, res) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await options.nowView()))));
    server.get(
        '/desk/api/reports',
        guarded(async (req, res) => {
            const query = parsedQuery(req);
            if (!query) return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ error: 'unknown filter value or date (YYYY-MM-DD)' }));
            send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await options.report(query)));
        }),
    );
    server.get(
        '/desk/api/reports/:table',
        guarded(async (req, res) => {
            const query = parsedQuery(req);
            const id = /^([a-z-]{1,40})\.csv$/.exec(String(req.params?.table ?? ''))?.[1];
            if (!query || !id) return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ error: 'ask for <table>.csv with valid filters' }));
            const report = await options.report(query);
            const table = report.tables.find((t) => t.id === id);
            if (!table) return send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'no such table' }));
            send(res, 200, 'text/csv; charset=utf-8', toCsv(table), { 'Content-Disposition': `attachment; filename="${id}-${report.period.from}-${report.period.to}.csv"` });
        }),
    );
    server.get('/desk/auth/signin', async (req: Request, res: Response) => {
        if (!options.signIn) return send(res, 404, 'text/html; charset=utf-8', signInProblemPage('Sign-in is not configured on this bot.'));
        const { location, cookie } = await options.signIn.start(redirectUri(req));
        send(res, 302, 'text/plain; charset=utf-8', '', { Location: location, 'Set-Cookie': cookieHeader(SIGN_IN_COOKIE, cookie, { path: '/desk/auth', maxAgeSeconds: 600, secure: secure(req) }) });
    });
    server.get('/desk/auth/callback', async (req: Request, res: Response) => {
        if (!options.signIn) return send(res, 404, 'text/html; charset=utf-8', signInProblemPage('Sign-in is not configured on this bot.'));
        const query = (req.query ?? {}) as { code?: unknown; state?: unknown };
        const code = typeof query.code === 'string' ? query.code : undefined;
        const state = typeof query.state === 'string' ? query.state : undefined;
        const clearPending = cookieHeader(SIGN_IN_COOKIE, '', { path: '/desk/auth', maxAgeSeconds: 0, secure: secure(req) });
        let result;
        try {
            result = await options.signIn.finish({ code, state }, readCookies(req.headers.cookie).get(SIGN_IN_COOKIE), redirectUri(req));
        } catch (error) {
            options.logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'desk sign-in failed');
            return send(res, 401, 'text/html; charset=utf-8', signInProblemPage('Microsoft Entra ID did not confirm the sign-in.'), { 'Set-Cookie': clearPending });
        }
        if ('failed' in result) return send(res, 401, 'text/html; charset=utf-8', signInProblemPage(result.failed), { 'Set-Cookie': clearPending });
        if (result.tenantId !== options.gate.partnerTenant) return send(res, 403, 'text/html; charset=utf-8', signInProblemPage("This account is not in the partner's organisation."), { 'Set-Cookie': clearPending });
        const access = await options.gate.asAgent(result.objectId, result.name);
        if (!access.allowed) return send(res, 403, 'text/html; charset=utf-8', signInProblemPage('This account is not one of the agents of the desk.'), { 'Set-Cookie': clearPending });
        const session = options.sessions.seal({ oid: result.objectId, name: result.name, exp: options.now() + SESSION_HOURS * 3_600_000 });
        send(res, 302, 'text/plain; charset=utf-8', '', { Location: '/desk', 'Set-Cookie': [clearPending, cookieHeader(SESSION_COOKIE, session, { path: '/desk', maxAgeSeconds: SESSION_HOURS * 3600, secure: secure(req) })] });
    });
    server.post('/desk/auth/signout', async (req: Request, res: Response) => {
        send(res, 204, 'text/plain; charset=utf-8', '', { 'Set-Cookie': cookieHeader(SESSION_COOKIE, '', { path: '/desk', maxAgeSeconds: 0, secure: secure(req) }) });
    });
}
