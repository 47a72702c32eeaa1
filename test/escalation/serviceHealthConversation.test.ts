import assert from 'node:assert/strict';
import { BotHarness, choice, visibleText } from '../helpers/botHarness';
import type { ChannelActivity } from '../fakes/fakeChannel';
import { fakeGraphForSuite, graphIssue } from '../fakes/fakeGraph';

const APP = { tenantId: 'contoso-tenant', clientId: 'graph-app', clientSecret: 'graph-secret' };

const EXCHANGE_INCIDENT = graphIssue({
    id: 'EX123456',
    title: 'Users may be unable to send or receive email in Outlook',
    service: 'Exchange Online',
    status: 'restoringService',
    lastModifiedDateTime: '2026-11-23T07:10:00Z',
    posts: [{ createdDateTime: '2026-11-23T08:05:00Z', postType: 'regular', description: { contentType: 'html', content: 'We are rerouting traffic.' } }],
});

describe('service health before escalating (whole conversations)', () => {
    const { identity, graph } = fakeGraphForSuite(APP);
    let bot: BotHarness;

    beforeEach(() => {
        graph.mode = 'ok';
        graph.requests.length = 0;
        identity.tokenRequests.length = 0;
        graph.issues = [graphIssue({ id: 'TM1', title: 'Teams meetings drop', service: 'Microsoft Teams' }), EXCHANGE_INCIDENT];
    });
    afterEach(async () => {
        await bot.stop();
    });

    const graphEnv = (): Record<string, string> => ({
        AUTHORITY_HOST: identity.authorityHost,
        GRAPH_TENANT_ID: APP.tenantId,
        GRAPH_CLIENT_ID: APP.clientId,
        GRAPH_CLIENT_SECRET: APP.clientSecret,
        GRAPH_BASE_URL: graph.url,
    });

    /** A technical break-fix Exchange issue up to the point where it is escalated. */
    async function escalateExchangeIssue(locale = 'en-US', text = 'Outlook is not receiving any emails since this morning, Exchange Online shows an error'): Promise<ChannelActivity[]> {
        const send = (activity: Record<string, unknown>) => bot.send({ locale, ...activity });
        const understood = await send({ text });
        const impact = await send({ value: choice(understood, 'intake-confirm', 'yes') });
        const severity = await send({ value: choice(impact, 'impact', 'moderate') });
        return send({ value: choice(severity, 'guidance-solved', 'no') });
    }

    it('shows the open Exchange incident, lets the customer escalate anyway, and records it on the ticket', async () => {
        bot = await BotHarness.start({ env: graphEnv(), authorityCa: identity.ca });
        const shown = await escalateExchangeIssue();
        const text = visibleText(shown);
        assert.match(text, /Microsoft is already working on a known issue/);
        assert.match(text, /Users may be unable to send or receive email in Outlook \(EX123456\)/);
        assert.match(text, /Exchange Online/);
        assert.match(text, /Restoring service/);
        assert.match(text, /Mon 23 Nov 2026, 09:05 \(Europe\/Madrid\)/, 'the last update is the latest post, in the partner zone');
        assert.doesNotMatch(text, /Teams meetings drop/);

        const contact = await bot.click(choice(shown, 'service-health-proceed', 'continue'));
        assert.match(visibleText(contact), /e-mail address/);
        await bot.say('alex.kim@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        assert.match(visibleText(summary), /Known Microsoft issue[\s\S]*Users may be unable to send or receive email in Outlook/);
        await bot.click(choice(summary, 'escalation-confirm', 'confirm'));

        const [ticket] = await bot.tickets();
        assert.equal(ticket?.status, 'new');
        assert.equal(ticket?.service_health_issue_id, 'EX123456');
        assert.equal(ticket?.service_health_issue_title, 'Users may be unable to send or receive email in Outlook');
        assert.equal(graph.requests[0]?.query.$filter, 'isResolved eq false');
    });

    it('in Spanish, and the customer may decide to wait for Microsoft instead: no ticket', async () => {
        bot = await BotHarness.start({ env: graphEnv(), authorityCa: identity.ca });
        const shown = await escalateExchangeIssue('es-ES', 'No llegan los correos a Outlook desde esta mañana, Exchange Online da error');
        const text = visibleText(shown);
        assert.match(text, /Microsoft ya está trabajando en un problema conocido/);
        assert.match(text, /Restaurando el servicio/);
        assert.match(text, /lun 23 nov 2026, 09:05 \(Europe\/Madrid\)/);
        const stopped = await bot.send({ locale: 'es-ES', value: choice(shown, 'service-health-proceed', 'stop') });
        assert.match(visibleText(stopped), /no he abierto ningún ticket/);
        assert.deepEqual(await bot.tickets(), []);
    });

    it('when Graph hangs, the conversation goes on to the contact questions', async () => {
        graph.mode = 'hang';
        bot = await BotHarness.start({ env: graphEnv(), authorityCa: identity.ca });
        const next = await escalateExchangeIssue();
        assert.match(visibleText(next), /e-mail address/);
        assert.doesNotMatch(visibleText(next), /known issue/);
        assert.equal(graph.requests.length, 1, 'Graph was asked');
    });

    it('without Graph configuration nothing is called and the ticket records no incident', async () => {
        bot = await BotHarness.start();
        const next = await escalateExchangeIssue();
        assert.match(visibleText(next), /e-mail address/);
        await bot.say('alex.kim@fabrikam.example');
        const summary = await bot.say('Fabrikam Ltd');
        await bot.click(choice(summary, 'escalation-confirm', 'confirm'));
        const [ticket] = await bot.tickets();
        assert.equal(ticket?.service_health_issue_id, null);
        assert.equal(graph.requests.length, 0);
        assert.equal(identity.tokenRequests.length, 0);
    });

    it('commercial issues are not checked against service health', async () => {
        bot = await BotHarness.start({ env: graphEnv(), authorityCa: identity.ca });
        const understood = await bot.say('Our last invoice for Exchange Online licences charged us twice');
        const guidance = await bot.click(choice(understood, 'intake-confirm', 'yes'));
        const next = await bot.click(choice(guidance, 'guidance-solved', 'no'));
        assert.match(visibleText(next), /e-mail address/);
        assert.equal(graph.requests.length, 0);
    });
});
