import http from 'node:http';
import { FakeIdentity } from './fakeIdentity';
import { LoopbackServer } from './loopbackServer';

/** How the fake behaves for the next requests. */
export type FakeGraphMode = 'ok' | '500' | '503' | 'hang';

/** A serviceHealthIssue as Graph v1.0 returns it (the fields the bot reads, and a few more). */
export interface GraphIssue {
    id: string;
    title: string;
    service: string;
    status: string;
    classification: 'incident' | 'advisory';
    isResolved: boolean;
    feature: string | null;
    featureGroup: string | null;
    impactDescription: string;
    origin: string;
    startDateTime: string;
    endDateTime: string | null;
    lastModifiedDateTime: string;
    details: unknown[];
    posts: Array<{ createdDateTime: string; postType: string; description: { contentType: string; content: string } }>;
}

/** An issue with plausible defaults. */
export function graphIssue(overrides: Partial<GraphIssue> & Pick<GraphIssue, 'id' | 'title' | 'service'>): GraphIssue {
    return {
        status: 'investigating',
        classification: 'incident',
        isResolved: false,
        feature: null,
        featureGroup: null,
        impactDescription: 'Users may be unable to use the service.',
        origin: 'microsoft',
        startDateTime: '2026-11-23T06:30:00Z',
        endDateTime: null,
        lastModifiedDateTime: '2026-11-23T07:10:00Z',
        details: [],
        posts: [],
        ...overrides,
    };
}

const GRAPH = 'https://graph.microsoft.com';
const ISSUES = '/v1.0/admin/serviceAnnouncement/issues';

/**
 * A local stand-in for Microsoft Graph's service communications API:
 * GET /v1.0/admin/serviceAnnouncement/issues with `$filter=isResolved eq false` (the only
 * filter it understands; others get Graph's 400), paged `pageSize` at a time with an absolute
 * `@odata.nextLink` carrying a `$skiptoken`. Requires a bearer token the fake identity issued
 * for https://graph.microsoft.com (else Graph's 401 InvalidAuthenticationToken).
 */
export class FakeGraph {
    mode: FakeGraphMode = 'ok';
    pageSize = 2;
    issues: GraphIssue[] = [];
    /** Every request that reached the server: path and query. */
    readonly requests: Array<{ path: string; query: Record<string, string> }> = [];
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res));

    constructor(private readonly identity: FakeIdentity) {}

    async start(): Promise<string> {
        await this.http.start();
        return this.url;
    }

    get url(): string {
        return `${this.http.origin}`;
    }

    async stop(): Promise<void> {
        await this.http.stop();
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        req.resume();
        req.on('end', () => {
            const url = new URL(req.url ?? '/', this.url);
            this.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
            if (this.mode === 'hang') return;
            if (this.mode === '500' || this.mode === '503') return send(res, Number(this.mode), graphError('serviceNotAvailable', 'The service is temporarily unavailable.'));
            if (!this.identity.accepts(req.headers.authorization, GRAPH)) return send(res, 401, graphError('InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'));
            if (req.method !== 'GET' || url.pathname !== ISSUES) return send(res, 404, graphError('UnknownError', 'Resource not found.'));
            this.listIssues(url, res);
        });
    }

    private listIssues(url: URL, res: http.ServerResponse): void {
        const filter = url.searchParams.get('$filter');
        if (filter !== null && filter.replace(/\s+/g, ' ').trim() !== 'isResolved eq false') {
            return send(res, 400, graphError('BadRequest', `Invalid filter clause: ${filter}`));
        }
        const matching = filter === null ? this.issues : this.issues.filter((i) => !i.isResolved);
        const skip = Number(url.searchParams.get('$skiptoken') ?? '0') || 0;
        const page = matching.slice(skip, skip + this.pageSize);
        const next = skip + this.pageSize < matching.length ? new URL(url.pathname, this.url) : undefined;
        if (next) {
            if (filter !== null) next.searchParams.set('$filter', filter);
            next.searchParams.set('$skiptoken', String(skip + this.pageSize));
        }
        send(res, 200, {
            '@odata.context': `${GRAPH}/v1.0/$metadata#admin/serviceAnnouncement/issues`,
            ...(next ? { '@odata.nextLink': next.toString() } : {}),
            value: page,
        });
    }
}

function graphError(code: string, message: string): Record<string, unknown> {
    return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'fake-request', 'client-request-id': 'fake-client' } } };
}

// restify patches http.ServerResponse globally: set status and headers, then end (no chaining).
function send(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
}

/**
 * A fake Entra token endpoint with `app` registered and a fake Graph behind it, started before
 * the suite and stopped after it (call inside a `describe`).
 */
export function fakeGraphForSuite(app: { tenantId: string; clientId: string; clientSecret: string }): { identity: FakeIdentity; graph: FakeGraph } {
    const identity = new FakeIdentity().register(app);
    const graph = new FakeGraph(identity);
    before(async () => {
        await identity.start();
        await graph.start();
    });
    after(async () => {
        await graph.stop();
        await identity.stop();
    });
    return { identity, graph };
}
