import assert from 'node:assert/strict';
import { graphServicesFor } from '../../src/integrations/graphServices';
import { GraphServiceHealth, type ServiceHealthLogger } from '../../src/integrations/graphServiceHealth';
import { ClientCredentialsTokenSource } from '../../src/integrations/entraTokens';
import { fakeGraphForSuite, graphIssue } from '../fakes/fakeGraph';

const APP = { tenantId: 'partner-tenant', clientId: 'graph-app', clientSecret: 'graph-secret' };

/** Records what would be logged. */
class LogRecorder implements ServiceHealthLogger {
    readonly lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
    warn(obj: Record<string, unknown>, msg: string): void {
        this.lines.push({ level: 'warn', obj, msg });
    }
    info(obj: Record<string, unknown>, msg: string): void {
        this.lines.push({ level: 'info', obj, msg });
    }
}

describe('Microsoft Graph service health', () => {
    const { identity, graph } = fakeGraphForSuite(APP);
    let log: LogRecorder;

    beforeEach(() => {
        log = new LogRecorder();
        graph.mode = 'ok';
        identity.mode = 'ok';
        graph.requests.length = 0;
        graph.issues = [
            graphIssue({ id: 'TM100', title: 'Users cannot join Teams meetings', service: 'Microsoft Teams' }),
            graphIssue({ id: 'EX90', title: 'Old mail delay', service: 'Exchange Online', isResolved: true, status: 'serviceRestored' }),
            graphIssue({ id: 'SP7', title: 'SharePoint search is slow', service: 'SharePoint Online', classification: 'advisory', status: 'serviceDegradation' }),
            graphIssue({ id: 'DY3', title: 'Dynamics 365 forms load slowly', service: 'Dynamics 365 Apps' }),
            graphIssue({
                id: 'EX123',
                title: 'Users may be unable to send or receive email',
                service: 'Exchange Online',
                status: 'restoringService',
                lastModifiedDateTime: '2026-11-23T07:10:00Z',
                posts: [{ createdDateTime: '2026-11-23T08:05:00Z', postType: 'regular', description: { contentType: 'html', content: 'We are rerouting traffic.' } }],
            }),
        ];
    });

    function health(options: { budgetMs?: number; secret?: string } = {}): GraphServiceHealth {
        const tokens = new ClientCredentialsTokenSource({ authorityHost: identity.authorityHost, ...APP, clientSecret: options.secret ?? APP.clientSecret, ca: identity.ca });
        return new GraphServiceHealth({ baseUrl: graph.url, tokens, logger: log, budgetMs: options.budgetMs ?? 5000, failureBackoffMs: 0 });
    }

    it('finds the open Exchange incident across pages, with its latest post as last update, and leaves resolved ones out', async () => {
        const issues = await health().openIssuesFor('microsoft365', 'Outlook is not receiving any emails since this morning');
        assert.deepEqual(issues, [
            { id: 'EX123', title: 'Users may be unable to send or receive email', service: 'Exchange Online', status: 'restoringService', classification: 'incident', lastUpdate: '2026-11-23T08:05:00Z' },
        ]);
        assert.equal(graph.requests.length, 2, 'five unresolved-or-not issues, two a page, four unresolved: two pages');
        assert.equal(graph.requests[0]?.query.$filter, 'isResolved eq false');
        assert.equal(graph.requests[1]?.query.$skiptoken, '2');
        assert.equal(identity.tokenRequests.at(-1)?.scope, 'https://graph.microsoft.com/.default');
        assert.equal(identity.tokenRequests.at(-1)?.grantType, 'client_credentials');
    });

    it('reuses the issue list for the next customer instead of asking Graph again', async () => {
        const lookup = health();
        await lookup.openIssuesFor('microsoft365', 'Teams meetings fail');
        const before = graph.requests.length;
        const teams = await lookup.openIssuesFor('microsoft365', 'Teams meetings fail for everyone');
        assert.equal(teams?.[0]?.id, 'TM100');
        assert.equal(graph.requests.length, before);
    });

    it('does not ask Graph for Azure cases, whose health is not in Microsoft 365 service health', async () => {
        assert.deepEqual(await health().openIssuesFor('azure', 'VM will not start, AllocationFailed'), []);
        assert.equal(graph.requests.length, 0);
    });

    it('answers undefined when Graph fails, logs the failure once, and recovers', async () => {
        const lookup = health();
        graph.mode = '503';
        assert.equal(await lookup.openIssuesFor('microsoft365', 'Outlook broken'), undefined);
        assert.equal(await lookup.openIssuesFor('microsoft365', 'Outlook broken'), undefined);
        assert.deepEqual(log.lines.map((l) => [l.level, l.obj.failure]), [['warn', 'server']]);
        graph.mode = 'ok';
        assert.equal((await lookup.openIssuesFor('microsoft365', 'Outlook broken'))?.[0]?.id, 'EX123');
        assert.equal(log.lines.at(-1)?.msg, 'Microsoft Graph service health answers again');
    });

    it('gives up when Graph hangs, within its budget, without throwing', async () => {
        graph.mode = 'hang';
        assert.equal(await health({ budgetMs: 300 }).openIssuesFor('microsoft365', 'Exchange mail flow stopped'), undefined);
        assert.equal(log.lines[0]?.obj.failure, 'timeout');
    });

    it('answers undefined when the app credentials are refused', async () => {
        assert.equal(await health({ secret: 'wrong' }).openIssuesFor('microsoft365', 'Outlook broken'), undefined);
        assert.equal(log.lines[0]?.obj.failure, 'auth');
        assert.equal(graph.requests.length, 0);
    });
});

describe('graphServicesFor (from the service catalogue)', () => {
    const cases: Array<[Parameters<typeof graphServicesFor>[0], string, string[]]> = [
        ['microsoft365', 'Outlook is not receiving any emails', ['Exchange Online', 'Microsoft 365 suite']],
        ['microsoft365', 'No puedo enviar correos desde ayer', ['Exchange Online', 'Microsoft 365 suite']],
        ['microsoft365', 'Не приходит почта', ['Exchange Online', 'Microsoft 365 suite']],
        ['microsoft365', 'Teams calls keep dropping', ['Microsoft Teams', 'Microsoft 365 suite']],
        ['microsoft365', 'Something is broken in our tenant', ['Microsoft 365 suite']],
        ['dynamics365', 'Sales forms fail to load', ['Dynamics 365 Apps']],
        ['ems', 'Intune enrollment fails with error 0x80180014', ['Microsoft Intune']],
        ['azure', 'VM will not start', []],
        ['azure', 'MFA prompts fail when signing in to the Azure portal', ['Microsoft Entra', 'Identity Service']],
        // Names and brands from the service catalogue, old and new.
        ['dynamics365', 'The Flow that files invoices stopped running', ['Microsoft Power Automate', 'Microsoft Power Automate in Microsoft 365']],
        ['dynamics365', 'Power BI dashboards are blank', ['Power BI']],
        ['dynamics365', 'Finance and Operations batch jobs are stuck', ['Finance and Operations Apps']],
        ['ems', 'Azure AD Premium conditional access blocks everyone', ['Microsoft Entra', 'Identity Service']],
        ['ems', 'Cloud App Security alerts stopped', ['Microsoft Defender for Cloud Apps']],
        ['microsoft365', 'Yammer communities do not load', ['Microsoft Viva', 'Yammer Enterprise', 'Microsoft 365 suite']],
        ['microsoft365', 'no se abre Planner', ['Planner', 'Project for the web', 'Project Online', 'Microsoft 365 suite']],
        ['microsoft365', 'Copilot не отвечает', ['Microsoft 365 suite']],
        ['azure', 'Azure Virtual Desktop sessions drop', []],
    ];
    for (const [product, text, expected] of cases) {
        it(`${product}: "${text}" → ${expected.join(', ') || 'nothing'}`, () => {
            assert.deepEqual(graphServicesFor(product, text), expected);
        });
    }
});
