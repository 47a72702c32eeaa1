/**
 * Microsoft 365 service health through Microsoft Graph (v1.0, application permission
 * ServiceHealth.Read.All): GET /admin/serviceAnnouncement/issues?$filter=isResolved eq false,
 * following @odata.nextLink.
 *
 * Best effort, like every call made while a customer waits: one lookup (token and all pages)
 * has a hard budget (2 s by default) and the answer is `undefined` on timeout, HTTP errors,
 * network errors or token errors — it never throws. The tenant's unresolved issues are cached
 * for two minutes; after a failure the service is left alone for 30 s. The first failure of
 * each kind is logged once, until a call succeeds again.
 */
import { z } from 'zod';
import type { Product } from '../policy/types';
import { graphServicesFor } from './graphServices';
import type { TokenSource } from './entraTokens';

/** An unresolved Microsoft service issue, as the bot tells the customer about it. */
export interface ServiceHealthIssue {
    id: string;
    title: string;
    service: string;
    /** Graph serviceHealthStatus, e.g. investigating, serviceDegradation, restoringService. */
    status: string;
    /** incident or advisory. */
    classification: string;
    /** ISO time of the latest post, or of the last modification. */
    lastUpdate: string;
}

/** What the dialogs use: open issues that may explain a case, or undefined when unknown. */
export interface ServiceHealthLookup {
    openIssuesFor(product: Product, description: string): Promise<ServiceHealthIssue[] | undefined>;
}

/** The two logger methods used here; a pino Logger fits. */
export interface ServiceHealthLogger {
    warn(obj: Record<string, unknown>, msg: string): void;
    info(obj: Record<string, unknown>, msg: string): void;
}

export interface GraphServiceHealthOptions {
    /** e.g. https://graph.microsoft.com */
    baseUrl: string;
    tokens: TokenSource;
    logger: ServiceHealthLogger;
    /** Upper bound for one lookup, token included, in ms. Default 2000. */
    budgetMs?: number;
    /** How long the issue list is reused, in ms. Default 120 000. */
    cacheMs?: number;
    /** How long Graph is left alone after a failure, in ms. Default 30 000. */
    failureBackoffMs?: number;
}

type Failure = 'timeout' | 'auth' | 'throttled' | 'server' | 'request' | 'network' | 'response';

const ISSUES_PATH = '/v1.0/admin/serviceAnnouncement/issues';
const MAX_PAGES = 20;

const IssueSchema = z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    service: z.string().min(1),
    status: z.string().min(1),
    classification: z.string().default('incident'),
    isResolved: z.boolean(),
    lastModifiedDateTime: z.string().nullish(),
    startDateTime: z.string().nullish(),
    posts: z.array(z.object({ createdDateTime: z.string() }).loose()).nullish(),
});
const PageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

class LookupError extends Error {
    constructor(readonly failure: Failure, detail: string) {
        super(`service health lookup failed: ${failure} ${detail}`);
        this.name = 'LookupError';
    }
}

/** Service health from Microsoft Graph; see the module comment for the guarantees. */
export class GraphServiceHealth implements ServiceHealthLookup {
    private readonly budgetMs: number;
    private readonly cacheMs: number;
    private readonly failureBackoffMs: number;
    private cache?: { issues: ServiceHealthIssue[]; until: number };
    private failedUntil = 0;
    private inFlight?: Promise<ServiceHealthIssue[] | undefined>;
    private readonly loggedFailures = new Set<Failure>();

    constructor(private readonly options: GraphServiceHealthOptions) {
        this.budgetMs = options.budgetMs ?? 2000;
        this.cacheMs = options.cacheMs ?? 120_000;
        this.failureBackoffMs = options.failureBackoffMs ?? 30_000;
    }

    async openIssuesFor(product: Product, description: string): Promise<ServiceHealthIssue[] | undefined> {
        const services = new Set(graphServicesFor(product, description).map((s) => s.toLowerCase()));
        if (services.size === 0) return [];
        const issues = await this.unresolvedIssues();
        return issues?.filter((i) => services.has(i.service.toLowerCase())).sort(byRelevance);
    }

    /** Every unresolved issue of the tenant (cached), or undefined when Graph did not answer in time. */
    async unresolvedIssues(): Promise<ServiceHealthIssue[] | undefined> {
        const now = Date.now();
        if (this.cache && now < this.cache.until) return this.cache.issues;
        if (now < this.failedUntil) return undefined;
        this.inFlight ??= this.lookup().finally(() => (this.inFlight = undefined));
        return this.inFlight;
    }

    private async lookup(): Promise<ServiceHealthIssue[] | undefined> {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), this.budgetMs);
        const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new LookupError('timeout', `after ${this.budgetMs} ms`)), { once: true }));
        try {
            const issues = await Promise.race([this.fetchAll(controller.signal), deadline]);
            this.cache = { issues, until: Date.now() + this.cacheMs };
            this.recovered();
            return issues;
        } catch (err) {
            this.failedUntil = Date.now() + this.failureBackoffMs;
            this.failed(err instanceof LookupError ? err : new LookupError(controller.signal.aborted ? 'timeout' : 'network', errorName(err)));
            return undefined;
        } finally {
            clearTimeout(timer);
            controller.abort();
        }
    }

    private async fetchAll(signal: AbortSignal): Promise<ServiceHealthIssue[]> {
        const token = await this.options.tokens.getToken({ signal }).catch((err: unknown) => {
            throw new LookupError(signal.aborted ? 'timeout' : 'auth', errorName(err));
        });
        const base = new URL(this.options.baseUrl);
        let next: string | undefined = `${base.origin}${ISSUES_PATH}?$filter=${encodeURIComponent('isResolved eq false')}`;
        const issues: ServiceHealthIssue[] = [];
        for (let page = 0; next && page < MAX_PAGES; page++) {
            const body = await this.getPage(next, token, signal);
            issues.push(...body.value.flatMap(toIssue));
            const link = body['@odata.nextLink'];
            // The token is only ever sent back to the configured Graph origin.
            next = link && new URL(link).origin === base.origin ? link : undefined;
        }
        return issues;
    }

    private async getPage(url: string, token: string, signal: AbortSignal): Promise<z.infer<typeof PageSchema>> {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal }).catch((err: unknown) => {
            throw new LookupError(signal.aborted ? 'timeout' : 'network', errorName(err));
        });
        if (!res.ok) {
            await res.body?.cancel();
            throw new LookupError(failureOfStatus(res.status), `HTTP ${res.status}`);
        }
        const parsed = PageSchema.safeParse(await res.json().catch(() => undefined));
        if (!parsed.success) throw new LookupError('response', 'unexpected body');
        return parsed.data;
    }

    private failed(err: LookupError): void {
        if (this.loggedFailures.has(err.failure)) return;
        this.loggedFailures.add(err.failure);
        this.options.logger.warn(
            { component: 'serviceHealth', failure: err.failure, detail: err.message, budgetMs: this.budgetMs },
            'Microsoft Graph service health unavailable; continuing without it (further failures of this kind are not logged until it recovers)',
        );
    }

    private recovered(): void {
        if (this.loggedFailures.size === 0) return;
        this.options.logger.info({ component: 'serviceHealth', after: [...this.loggedFailures] }, 'Microsoft Graph service health answers again');
        this.loggedFailures.clear();
    }
}

function toIssue(raw: unknown): ServiceHealthIssue[] {
    const parsed = IssueSchema.safeParse(raw);
    if (!parsed.success || parsed.data.isResolved) return [];
    const i = parsed.data;
    const times = [i.lastModifiedDateTime, i.startDateTime, ...(i.posts ?? []).map((p) => p.createdDateTime)].filter((t): t is string => !!t && !Number.isNaN(Date.parse(t)));
    const lastUpdate = times.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? '';
    return [{ id: i.id, title: i.title, service: i.service, status: i.status, classification: i.classification, lastUpdate }];
}

/** Incidents before advisories, then the most recently updated first. */
function byRelevance(a: ServiceHealthIssue, b: ServiceHealthIssue): number {
    const rank = (i: ServiceHealthIssue) => (i.classification === 'incident' ? 0 : 1);
    return rank(a) - rank(b) || (Date.parse(b.lastUpdate) || 0) - (Date.parse(a.lastUpdate) || 0);
}

function failureOfStatus(status: number): Failure {
    if (status === 401 || status === 403) return 'auth';
    if (status === 429) return 'throttled';
    return status >= 500 ? 'server' : 'request';
}

function errorName(err: unknown): string {
    return err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
}
