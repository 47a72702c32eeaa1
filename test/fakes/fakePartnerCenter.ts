import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { FakeIdentity } from './fakeIdentity';
import { LoopbackServer } from './loopbackServer';

/** How the fake answers the next API request ('401-once' answers one 401, then 'ok'). */
export type FakePartnerCenterMode = 'ok' | '401-once' | '401' | '429' | '500' | 'hang';

export interface FakeTopic {
    id: number;
    name: string;
    description: string;
}

/** Plausible topics: the two from Partner Center's documentation example, and product topics. */
export const FAKE_TOPICS: FakeTopic[] = [
    { id: 32444667, name: 'Partner Center Issues', description: 'Office 365 questions from the CSP (Cloud Solution Provider) partners using Partner Center' },
    { id: 32444671, name: 'Cannot manage my profile', description: 'Issues that are related to errors or problems with managing a profile' },
    { id: 32569836, name: 'Billing and subscriptions', description: 'Invoices, payments, licences and subscription management for CSP customers' },
    { id: 32569840, name: 'Azure technical issue', description: 'Azure virtual machines, networking, storage and other Azure services are not working' },
    { id: 32569844, name: 'Office 365 and Microsoft 365 technical issue', description: 'Exchange Online, SharePoint Online, Teams and other Microsoft 365 services' },
    { id: 32569848, name: 'Dynamics 365 and Dynamics CRM Online', description: 'Dynamics 365 apps and Dynamics CRM Online problems' },
    { id: 32569852, name: 'Enterprise Mobility + Security', description: 'Intune, Microsoft Entra ID Premium and Azure Information Protection' },
];

export interface StoredServiceRequest {
    id: string;
    status: string;
    requestId: string;
    locale: string;
    body: Record<string, unknown>;
}

export interface RecordedPartnerCenterRequest {
    method: string;
    path: string;
    requestId: string | undefined;
    locale: string | undefined;
    body: unknown;
}

const PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const PHONE = /\+\d[\d ().-]{7,}\d/;

/**
 * A local stand-in for Partner Center's service request API (App+User tokens from the fake
 * identity, audience https://api.partnercenter.microsoft.com):
 * GET /v1/servicerequests/supporttopics, POST /v1/servicerequests/{locale} (201 with the
 * created resource in camelCase), GET /v1/servicerequests/{id}. The create body is checked
 * as the programme requires: Title 1–255 characters, Severity critical|moderate|minimal,
 * SupportTopicId from the list, PrimaryContact.Email the partner's (never a customer's), and
 * no personal data (e-mail addresses, phone numbers, `forbiddenText`) in Title or
 * Description; violations get 400 and are kept in `rejections`. A repeated MS-RequestId
 * returns the request created the first time.
 */
export class FakePartnerCenter {
    mode: FakePartnerCenterMode = 'ok';
    retryAfterSeconds = 7;
    topics: FakeTopic[] = FAKE_TOPICS;
    /** Text that must never reach Microsoft (the customer's name, e-mail, what they typed raw). */
    forbiddenText: string[] = [];
    readonly requests: RecordedPartnerCenterRequest[] = [];
    readonly rejections: string[] = [];
    readonly serviceRequests = new Map<string, StoredServiceRequest>();
    private readonly http = new LoopbackServer((req, res) => this.handle(req, res));

    constructor(
        private readonly identity: FakeIdentity,
        private readonly partnerContactEmail: string,
    ) {}

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

    reset(): void {
        this.mode = 'ok';
        this.topics = FAKE_TOPICS;
        this.forbiddenText = [];
        this.requests.length = 0;
        this.rejections.length = 0;
        this.serviceRequests.clear();
    }

    /** Microsoft's side moves a request on (e.g. to closed). */
    setStatus(id: string, status: string): void {
        const sr = this.serviceRequests.get(id);
        if (sr) sr.status = status;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const url = new URL(req.url ?? '/', this.url);
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
                body = text ? JSON.parse(text) : undefined;
            } catch {
                body = text;
            }
            const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
            this.requests.push({ method: req.method ?? '', path: url.pathname, requestId: header('ms-requestid'), locale: header('x-locale'), body });
            if (this.failed(req, res)) return;
            this.route(req.method ?? '', url.pathname, body, header('ms-requestid') ?? '', res);
        });
    }

    /** Applies the failure mode and the token check; true when it answered. */
    private failed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
        switch (this.mode) {
            case 'hang':
                return true;
            case '429':
                res.setHeader('Retry-After', String(this.retryAfterSeconds));
                send(res, 429, pcError(429, 'Too many requests', 'TooManyRequests'));
                return true;
            case '500':
                send(res, 500, pcError(500, 'An internal error occurred.', 'InternalServerError'));
                return true;
            case '401':
            case '401-once':
                if (this.mode === '401-once') {
                    this.mode = 'ok';
                    this.identity.revokeAll();
                }
                send(res, 401, pcError(401, 'Unauthorized: the token has expired.', 'Unauthorized'));
                return true;
            case 'ok':
                if (this.identity.accepts(req.headers.authorization, PARTNER_CENTER)) return false;
                send(res, 401, pcError(401, 'Unauthorized: invalid token.', 'Unauthorized'));
                return true;
        }
    }

    private route(method: string, path: string, body: unknown, requestId: string, res: http.ServerResponse): void {
        if (method === 'GET' && path === '/v1/servicerequests/supporttopics') {
            return send(res, 200, {
                totalCount: this.topics.length,
                items: this.topics.map((t) => ({ ...t, attributes: { objectType: 'SupportTopic' } })),
                attributes: { objectType: 'Collection' },
            });
        }
        const create = /^\/v1\/servicerequests\/([a-z]{2}-[A-Z]{2})$/.exec(path);
        if (method === 'POST' && create?.[1]) return this.create(create[1], body, requestId, res);
        const get = /^\/v1\/servicerequests\/(\d{1,16})$/.exec(path);
        if (method === 'GET' && get?.[1]) {
            const sr = this.serviceRequests.get(get[1]);
            return sr ? send(res, 200, resource(sr)) : send(res, 404, pcError(404, 'Service request not found', 'NotFound'));
        }
        send(res, 404, pcError(404, 'Resource not found', 'NotFound'));
    }

    private create(locale: string, body: unknown, requestId: string, res: http.ServerResponse): void {
        const repeated = [...this.serviceRequests.values()].find((sr) => requestId && sr.requestId === requestId);
        if (repeated) return send(res, 201, resource(repeated));
        const problems = this.problemsOf(body);
        if (problems.length > 0) {
            this.rejections.push(...problems);
            return send(res, 400, pcError(400, problems.join('; '), 'InvalidInput'));
        }
        const id = String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100_000, 999_999));
        const sr: StoredServiceRequest = { id, status: 'open', requestId, locale, body: body as Record<string, unknown> };
        this.serviceRequests.set(id, sr);
        send(res, 201, resource(sr));
    }

    private problemsOf(body: unknown): string[] {
        if (typeof body !== 'object' || body === null) return ['body is not a ServiceRequest object'];
        const b = body as Record<string, unknown>;
        const problems: string[] = [];
        const title = typeof b.Title === 'string' ? b.Title : '';
        const description = typeof b.Description === 'string' ? b.Description : '';
        if (title.length < 1 || title.length > 255) problems.push(`Title must be 1-255 characters (got ${title.length})`);
        if (!description.trim()) problems.push('Description is required');
        if (!['critical', 'moderate', 'minimal'].includes(String(b.Severity))) problems.push(`Severity ${String(b.Severity)} is not critical, moderate or minimal`);
        if (!this.topics.some((t) => String(t.id) === b.SupportTopicId)) problems.push(`SupportTopicId ${String(b.SupportTopicId)} is not a listed topic`);
        const contact = typeof b.PrimaryContact === 'object' && b.PrimaryContact !== null ? (b.PrimaryContact as Record<string, unknown>) : {};
        if (contact.Email !== this.partnerContactEmail) problems.push(`PrimaryContact.Email ${String(contact.Email)} is not the partner's contact`);
        for (const [field, value] of [['Title', title], ['Description', description]] as const) {
            if (EMAIL.test(value)) problems.push(`${field} contains an e-mail address`);
            if (PHONE.test(value)) problems.push(`${field} contains a phone number`);
            for (const secret of this.forbiddenText) if (secret && value.includes(secret)) problems.push(`${field} contains "${secret}"`);
        }
        return problems;
    }
}

function resource(sr: StoredServiceRequest): Record<string, unknown> {
    const b = sr.body;
    const contact = (b.PrimaryContact ?? {}) as Record<string, unknown>;
    return {
        title: b.Title,
        description: b.Description,
        severity: b.Severity,
        supportTopicId: b.SupportTopicId,
        supportTopicName: b.SupportTopicName ?? null,
        id: sr.id,
        status: sr.status,
        primaryContact: { contactId: 'bb4ebcf5-d84c-4b35-8469-f4cfa4ac909e', firstName: contact.FirstName, lastName: contact.LastName, email: contact.Email, phoneNumber: contact.PhoneNumber ?? null },
        createdDate: '2026-11-23T09:00:05Z',
        lastModifiedDate: '2026-11-23T09:00:05Z',
        lastClosedDate: '0001-01-01T00:00:00',
        countryCode: 'ES',
        attributes: { objectType: 'ServiceRequest' },
    };
}

function pcError(code: number, description: string, errorName: string): Record<string, unknown> {
    return { code, description, errorName, data: [], source: 'PartnerFD' };
}

// restify patches http.ServerResponse globally: set status and headers, then end (no chaining).
function send(res: http.ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
}
